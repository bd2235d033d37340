/**
 * A kiosk device for API tests, made the way the PWA makes one: a WebCrypto ECDSA P-256 key pair whose
 * private key is NOT extractable, a server nonce, an enrolment signature, and per-request proofs
 * (compact JWS, ES256, IEEE P1363 signatures) that travel with the server's attestation.
 */
import { createHash } from 'node:crypto';
import {
  enrolmentSigningInput,
  type DeviceAttestationResponse,
  type DeviceNonceResponse,
  type DeviceProofBody,
  type PublicKeyJwk,
} from '../../server/contracts/devices.js';
import { HARNESS_ORIGIN, readJson, sessionCookieFrom, type Harness } from './api-harness.js';

const subtle = globalThis.crypto.subtle;

export interface DeviceKey {
  keys: CryptoKeyPair;
  publicKeyJwk: PublicKeyJwk;
  /** RFC 7638 thumbprint of the public key (base64url SHA-256). */
  thumbprint: string;
}

export interface EnrolledDevice extends DeviceKey {
  id: string;
  attestation: string;
  enrolment: DeviceAttestationResponse;
}

const b64url = (bytes: ArrayBuffer | Uint8Array | string): string =>
  Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : new Uint8Array(bytes)).toString(
    'base64url',
  );

export const sha256Base64url = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('base64url');

/** A fresh device key pair, private key non-extractable (as the PWA makes it). */
export async function makeDeviceKey(): Promise<DeviceKey> {
  const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', keys.publicKey);
  const publicKeyJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! } as PublicKeyJwk;
  const thumbprint = sha256Base64url(
    JSON.stringify({ crv: publicKeyJwk.crv, kty: publicKeyJwk.kty, x: publicKeyJwk.x, y: publicKeyJwk.y }),
  );
  return { keys, publicKeyJwk, thumbprint };
}

/** base64url P1363 ES256 signature of `text` with the device's private key. */
export async function signWith(key: CryptoKey, text: string): Promise<string> {
  return b64url(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, Buffer.from(text, 'utf8')));
}

/** A compact JWS with any header (tests forge `alg: none` and the like with it). */
export async function signJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: CryptoKey,
): Promise<string> {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${await signWith(key, input)}`;
}

/** POST /api/devices/nonce as a kiosk (no credentials). */
export async function newNonce(h: Harness, clientAddress?: string): Promise<string> {
  const res = await h.request('POST', '/api/devices/nonce', { token: null, clientAddress });
  if (res.status !== 200) throw new Error(`newNonce: ${res.status} ${await res.text()}`);
  return (await readJson<DeviceNonceResponse>(res)).nonce;
}

export interface EnrolOptions {
  groupId: string;
  /** A manager's or admin's session cookie; without one the admin API token is used. */
  cookie?: string;
  displayName?: string;
  key?: DeviceKey;
  appVersion?: string;
  /** Override what is sent (bad signatures, reused nonces). */
  nonce?: string;
  signature?: string;
}

/** POST /api/manager/devices; the raw response (for refusals). */
export async function enrolRequest(
  h: Harness,
  options: EnrolOptions,
): Promise<{ res: Response; key: DeviceKey }> {
  const key = options.key ?? (await makeDeviceKey());
  const nonce = options.nonce ?? (await newNonce(h));
  const signature =
    options.signature ?? (await signWith(key.keys.privateKey, enrolmentSigningInput(nonce, key.thumbprint)));
  const res = await h.request('POST', '/api/manager/devices', {
    body: {
      displayName: options.displayName ?? 'Till phone',
      groupId: options.groupId,
      publicKeyJwk: key.publicKeyJwk,
      nonce,
      signature,
      appVersion: options.appVersion ?? '0.1.0',
    },
    cookie: options.cookie,
    token: options.cookie ? null : undefined,
  });
  return { res, key };
}

/** An enrolled device; fails loudly if the API refuses. */
export async function enrolDevice(h: Harness, options: EnrolOptions): Promise<EnrolledDevice> {
  const { res, key } = await enrolRequest(h, options);
  if (res.status !== 201) throw new Error(`enrolDevice: ${res.status} ${await res.text()}`);
  const enrolment = await readJson<DeviceAttestationResponse>(res);
  return { ...key, id: enrolment.device.id, attestation: enrolment.attestation, enrolment };
}

export interface ProofOptions {
  method?: string;
  /** Path on the harness origin, or a full URL. */
  url?: string;
  nonce?: string;
  attestation?: string;
  /** Claims merged over the proper ones (a wrong `ath`, an extra claim). */
  claims?: Record<string, unknown>;
  /** Header members merged over the proper ones (`alg`, `kid`). */
  header?: Record<string, unknown>;
  /** Sign with another key (a stolen attestation). */
  signingKey?: CryptoKey;
  appVersion?: string;
}

/** A device proof for one request (fetches a fresh nonce unless one is given). */
export async function makeProof(
  h: Harness,
  device: EnrolledDevice,
  options: ProofOptions = {},
): Promise<string> {
  const attestation = options.attestation ?? device.attestation;
  const url = options.url ?? '/api/auth/qr-pin/sign-in';
  const claims = {
    htm: options.method ?? 'POST',
    htu: url.startsWith('/') ? `${HARNESS_ORIGIN}${url}` : url,
    nonce: options.nonce ?? (await newNonce(h)),
    iat: Math.floor(h.clock.now().getTime() / 1000),
    ath: sha256Base64url(attestation),
    appVersion: options.appVersion ?? '0.1.0',
    ...options.claims,
  };
  return signJws(
    { alg: 'ES256', typ: 'dpop+jwt', kid: device.id, ...options.header },
    claims,
    options.signingKey ?? device.keys.privateKey,
  );
}

/** The `device` member of a request body: the attestation and a fresh proof for this request. */
export async function deviceBinding(
  h: Harness,
  device: EnrolledDevice,
  options: ProofOptions = {},
): Promise<DeviceProofBody> {
  return {
    attestation: options.attestation ?? device.attestation,
    proof: await makeProof(h, device, options),
  };
}

/** POST /api/auth/qr-pin/sign-in on an enrolled kiosk. */
export async function signInOnDevice(
  h: Harness,
  device: EnrolledDevice,
  badge: { qr: string } | { shortCode: string },
  pin: string,
  options: { binding?: DeviceProofBody; clientAddress?: string } = {},
): Promise<{ res: Response; cookie: string | undefined }> {
  const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { ...badge, pin, device: options.binding ?? (await deviceBinding(h, device)) },
    token: null,
    clientAddress: options.clientAddress,
  });
  return { res, cookie: sessionCookieFrom(res) };
}

/** POST /api/devices/attestation: a refreshed attestation (the response, for refusals too). */
export async function refreshRequest(
  h: Harness,
  device: EnrolledDevice,
  options: ProofOptions & { bodyAppVersion?: string } = {},
): Promise<Response> {
  const binding = await deviceBinding(h, device, { url: '/api/devices/attestation', ...options });
  return h.request('POST', '/api/devices/attestation', {
    body: { device: binding, ...(options.bodyAppVersion ? { appVersion: options.bodyAppVersion } : {}) },
    token: null,
  });
}
