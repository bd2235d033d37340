/**
 * `npm run bench` (device binding): worker sign-in latency through the real app with and without the
 * kiosk's device binding (attestation + one-time ES256 proof over a fresh server nonce), the same
 * worker each time, runs interleaved so machine load hits both alike. Prints median and p95 of each
 * and their ratio (target: with binding within 10 % of without). The nonce request and the device's
 * own signing happen before the timed request (a kiosk asks for the nonce while the PIN is typed) and
 * are printed apart.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { enrolmentSigningInput, type PublicKeyJwk } from '../server/contracts/devices.js';
import { readToken, verifyProof } from '../server/platform/device-tokens.js';
import { startRuntime } from '../server/runtime.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 80);
const WARM_UP = 5;
const ORIGIN = 'http://localhost';
const SIGN_IN = '/api/auth/qr-pin/sign-in';

const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-device-'));
const runtime = await startRuntime({ DATA_DIR: dir, BOOTSTRAP_API_TOKEN: TOKEN });
const subtle = globalThis.crypto.subtle;
const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const call = (method: string, path: string, body: unknown, headers: Record<string, string> = admin) =>
  runtime.app.request(
    path,
    { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
    { clientAddress: '10.20.0.1' },
  );
const json = async <T>(res: Response): Promise<T> => {
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const b64 = (value: string | ArrayBuffer) =>
  Buffer.from(typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value)).toString(
    'base64url',
  );
const sha256b64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

try {
  await runtime.deps.repos.settings.put('policy.qrCodePin', { state: 'enabled' }, new Date());
  const group = await json<{ id: string }>(
    await call('POST', '/api/admin/groups', { displayName: 'Bench store' }),
  );
  const user = await json<{ id: string }>(
    await call('POST', '/api/admin/users', {
      userPrincipalName: 'bench-worker',
      displayName: 'Bench worker',
      groupIds: [group.id],
    }),
  );
  const method = await json<{ standardQRCode: { image: { rawContent: string } }; pin: { code: string } }>(
    await call('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {}),
  );
  const badge = { qr: method.standardQRCode.image.rawContent, pin: method.pin.code };

  // Enrol a device the way the PWA does: non-extractable P-256 key, signature over a server nonce.
  const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', keys.publicKey);
  const publicKeyJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  const thumbprint = sha256b64(JSON.stringify({ crv: 'P-256', kty: 'EC', x: jwk.x, y: jwk.y }));
  const sign = async (text: string) =>
    b64(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, Buffer.from(text, 'utf8')));
  const nonceRequest = async () => {
    const start = performance.now();
    const { nonce } = await json<{ nonce: string }>(await call('POST', '/api/devices/nonce', undefined, {}));
    return { nonce, ms: performance.now() - start };
  };
  const enrolNonce = (await nonceRequest()).nonce;
  const enrolment = await json<{ device: { id: string }; attestation: string }>(
    await call('POST', '/api/manager/devices', {
      displayName: 'Bench kiosk',
      groupId: group.id,
      publicKeyJwk,
      nonce: enrolNonce,
      signature: await sign(enrolmentSigningInput(enrolNonce, thumbprint)),
      appVersion: '0.1.0',
    }),
  );
  const attestation = enrolment.attestation;

  async function signIn(withDevice: boolean): Promise<{ ms: number; nonceMs: number; signMs: number }> {
    let device: { attestation: string; proof: string } | undefined;
    let nonceMs = 0;
    let signMs = 0;
    if (withDevice) {
      const { nonce, ms } = await nonceRequest();
      nonceMs = ms;
      const signStart = performance.now();
      const input = `${b64(JSON.stringify({ alg: 'ES256', typ: 'dpop+jwt', kid: enrolment.device.id }))}.${b64(
        JSON.stringify({
          htm: 'POST',
          htu: `${ORIGIN}${SIGN_IN}`,
          nonce,
          iat: Math.floor(Date.now() / 1000),
          ath: sha256b64(attestation),
          appVersion: '0.1.0',
        }),
      )}`;
      device = { attestation, proof: `${input}.${await sign(input)}` };
      signMs = performance.now() - signStart;
    }
    const start = performance.now();
    const res = await call(
      'POST',
      SIGN_IN,
      { ...badge, ...(device ? { device } : {}) },
      {
        'content-type': 'application/json',
      },
    );
    const ms = performance.now() - start;
    if (res.status !== 200)
      throw new Error(`sign-in ${withDevice ? 'with' : 'without'} device: ${res.status} ${await res.text()}`);
    return { ms, nonceMs, signMs };
  }

  for (let i = 0; i < WARM_UP; i += 1) {
    await signIn(false);
    await signIn(true);
  }
  const without: number[] = [];
  const withBinding: number[] = [];
  const nonces: number[] = [];
  const signing: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    // Alternate which goes first so neither always follows the other.
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const withDevice of order) {
      const r = await signIn(withDevice);
      if (withDevice) {
        withBinding.push(r.ms);
        nonces.push(r.nonceMs);
        signing.push(r.signMs);
      } else {
        without.push(r.ms);
      }
    }
  }
  const row = (label: string, values: number[]) =>
    console.log(
      `${label.padEnd(40)} median ${quantile(values, 0.5).toFixed(1)} ms   p95 ${quantile(values, 0.95).toFixed(1)} ms`,
    );
  console.log(`device binding: ${ROUNDS} successful sign-ins each, interleaved (same worker)`);
  row('sign-in without device binding', without);
  row('sign-in with attestation + proof', withBinding);
  const medianRatio = quantile(withBinding, 0.5) / quantile(without, 0.5);
  console.log(
    `ratio with / without: median ${medianRatio.toFixed(3)}, p95 ${(
      quantile(withBinding, 0.95) / quantile(without, 0.95)
    ).toFixed(3)} (target ≤ 1.10) ${medianRatio <= 1.1 ? 'PASS' : 'MISS'}`,
  );
  row('before it: POST /api/devices/nonce', nonces);
  // The cryptography alone (no database): read both tokens, verify Ed25519 and ES256 (jose), hash for ath.
  const sample = await (async () => {
    const { nonce } = await nonceRequest();
    const input = `${b64(JSON.stringify({ alg: 'ES256', typ: 'dpop+jwt', kid: enrolment.device.id }))}.${b64(
      JSON.stringify({ htm: 'POST', htu: `${ORIGIN}${SIGN_IN}`, nonce, iat: 0, ath: sha256b64(attestation) }),
    )}`;
    return `${input}.${await sign(input)}`;
  })();
  const cryptoTimes: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const start = performance.now();
    const a = readToken(attestation, 'EdDSA');
    const p = readToken(sample, 'ES256');
    const verified = await runtime.deps.deviceTokens.verify(attestation, {
      issuer: runtime.deps.settings.issuerId,
      now: new Date(),
    });
    if (!a.ok || !p.ok || !verified.ok) throw new Error('attestation');
    if (!(await verifyProof(sample, publicKeyJwk as PublicKeyJwk)).ok) throw new Error('proof');
    sha256b64(attestation);
    cryptoTimes.push(performance.now() - start);
  }
  row('server cryptography alone (no database)', cryptoTimes);
  row('before it: device signs the proof', signing);
} finally {
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
