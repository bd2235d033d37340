/**
 * `npm start` as people run it (issue 13, findings 6, 8, 9 and 10): scripts/start.js started once as a
 * child process, serving HTTPS itself with a self-signed certificate made for this run (openssl), on a
 * temporary DATA_DIR and a free port. Everything below talks to that one server over real TLS sockets:
 * what goes through adapter-node, the SvelteKit handler and the Node server cannot be seen through
 * `app.request()`.
 *
 * The server runs from a copy of the working tree's sources (node_modules linked), which start.js
 * builds (about 15 s, more under load), so a build in the checkout meanwhile cannot break it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { request as httpsRequest, Agent } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../server/contracts/bulk.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TOKEN = 'npm-start-http-admin-token-0123456789';
const SOURCES = ['src', 'server', 'static', 'scripts', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];
const START_TIMEOUT_MS = 300_000;
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

let dir: string;
let dataDir: string;
let port: number;
let ca: Buffer;
let server: ChildProcess | undefined;
let serverErr = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port: free } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return free;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Whether the request went out on a connection an earlier request had used (keep-alive). */
  reusedSocket: boolean;
}

/**
 * One HTTPS request trusting only this run's certificate. `chunks` are written one by one (no
 * Content-Length: chunked) when given; `body` is sent with its Content-Length.
 */
function send(
  method: string,
  path: string,
  options: { body?: string; chunks?: string[]; agent?: Agent; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, ...options.headers };
    if (options.body !== undefined || options.chunks) headers['content-type'] = 'application/json';
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        servername: 'localhost',
        port,
        path,
        method,
        ca,
        agent: options.agent ?? false,
        headers,
        timeout: 30_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        const answer = () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body, reusedSocket: req.reusedSocket });
        res.on('end', answer);
        // Closed before the end (the socket was cut after the answer): what arrived is the answer.
        res.on('close', answer);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
    // A server may answer (413) before the client has sent the whole body and then close: an error
    // writing the rest after the answer arrived is the client's, as browsers and undici treat it.
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (error) => {
      if (!answered) fail(error);
    });
    if (options.body !== undefined) req.end(options.body);
    else {
      for (const chunk of options.chunks ?? []) req.write(chunk);
      req.end();
    }
  });
}

const errorCodeOf = (answer: Answer): unknown =>
  (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiftpass-npm-start-'));
  const tree = join(dir, 'tree');
  for (const entry of [...SOURCES, 'package.json'])
    cpSync(join(ROOT, entry), join(tree, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1']
      .concat(['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'])
      .concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
  ca = readFileSync(join(dir, 'cert.pem'));
  port = await freePort();
  // Not created beforehand: the server makes it, as on a first start.
  dataDir = join(dir, 'data');
  server = spawn(process.execPath, ['scripts/start.js'], {
    cwd: tree,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      TLS_CERT_FILE: join(dir, 'cert.pem'),
      TLS_KEY_FILE: join(dir, 'key.pem'),
      PUBLIC_ORIGIN: `https://localhost:${port}`,
      BOOTSTRAP_API_TOKEN: TOKEN,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.on('data', (chunk) => (serverErr = (serverErr + String(chunk)).slice(-4000)));
  const upBy = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}\n${serverErr}`);
    const up = await send('GET', '/api/kiosk/config').then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (up) break;
    if (Date.now() > upBy) throw new Error(`server not up after ${START_TIMEOUT_MS / 1000} s\n${serverErr}`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}, START_TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('serving HTTPS itself', () => {
  test('every answer (kiosk page, API, OpenID provider) carries HSTS for at least a year', async () => {
    for (const path of ['/', '/admin/login', '/api/kiosk/config', '/oidc/.well-known/openid-configuration']) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(200);
      const hsts = String(answer.headers['strict-transport-security'] ?? '');
      expect(hsts, path).toMatch(/^max-age=\d+/);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), path).toBeGreaterThanOrEqual(ONE_YEAR_SECONDS);
    }
  });

  test('console pages are never stored; the kiosk shell is asked for again each time', async () => {
    for (const path of ['/admin/login', '/admin/people', '/setup', '/manager/kiosk']) {
      expect((await send('GET', path)).headers['cache-control'], path).toBe('no-store');
    }
    expect((await send('GET', '/')).headers['cache-control']).toBe('no-cache');
  });
});

describe('request bodies', () => {
  test(`the documented import goes through: ${IMPORT_MAX_ROWS} people in a file of almost ${IMPORT_MAX_BYTES / 1024 / 1024} MB`, async () => {
    const rows = ['userPrincipalName,displayName,employeeId'];
    const pad = (text: string, length: number) => text + 'x'.repeat(length - text.length);
    for (let i = 0; i < IMPORT_MAX_ROWS; i++) {
      rows.push(`${pad(`worker${i}-`, 60)}@store.example,${pad(`Worker ${i} `, 250)},${pad(`E${i}-`, 64)}`);
    }
    const csv = rows.join('\n');
    const bytes = Buffer.byteLength(csv);
    expect(bytes).toBeGreaterThan(0.9 * IMPORT_MAX_BYTES);
    expect(bytes).toBeLessThanOrEqual(IMPORT_MAX_BYTES);
    const answer = await send('POST', '/api/admin/users/import', {
      body: JSON.stringify({ csv, dryRun: true }),
    });
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    expect((JSON.parse(answer.body) as { summary: { created: number } }).summary.created).toBe(
      IMPORT_MAX_ROWS,
    );
  }, 120_000);

  test('a body over the limit is 413 PAYLOAD_TOO_LARGE, with or without Content-Length', async () => {
    // On a keep-alive connection, as browsers send: the server answers, then reads the rest of the
    // body and throws it away, so the client reads its 413. (A client that asked for `Connection:
    // close` gets its socket closed after the answer, and a reset can swallow the 413 while its
    // upload is still going: docs/security.md, "Request bodies".)
    const huge = JSON.stringify({ csv: 'a'.repeat(4 * 1024 * 1024), dryRun: true });
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ca });
    try {
      const declared = await send('POST', '/api/admin/users/import', { body: huge, agent });
      expect([declared.status, errorCodeOf(declared)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const chunked = await send('POST', '/api/admin/users/import', {
        chunks: [huge.slice(0, 64 * 1024), huge.slice(64 * 1024)],
        agent,
      });
      expect([chunked.status, errorCodeOf(chunked)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    } finally {
      agent.destroy();
    }
  }, 60_000);

  test('after a 413 on a keep-alive connection, the next requests on it are answered', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ca });
    try {
      expect((await send('GET', '/api/kiosk/config', { agent })).status).toBe(200);
      const big = await send('POST', '/api/admin/users', {
        agent,
        body: JSON.stringify({ userPrincipalName: 'x'.repeat(200_000), displayName: 'Too big' }),
      });
      expect([big.status, errorCodeOf(big)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(big.reusedSocket).toBe(true);
      for (let i = 0; i < 2; i++) {
        const next = await send('GET', '/api/kiosk/config', { agent });
        expect(next.status).toBe(200);
        expect(next.reusedSocket).toBe(true);
      }
    } finally {
      agent.destroy();
    }
  }, 60_000);
});

describe('files on disk', () => {
  test('the data folder is 0700 and the database, its -wal and -shm files and the server key are 0600', () => {
    const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
    expect(modeOf(dataDir)).toBe('700');
    for (const file of ['shiftpass.db', 'shiftpass.db-wal', 'shiftpass.db-shm', 'server.key']) {
      expect(modeOf(join(dataDir, file)), file).toBe('600');
    }
  });
});

describe('a port already in use', () => {
  test('a second start on the same port says so in words, with no stack trace, and exits 1', async () => {
    const second = spawnSync(process.execPath, ['scripts/start.js'], {
      cwd: join(dir, 'tree'),
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(dir, 'second-data'),
        BOOTSTRAP_API_TOKEN: TOKEN,
      },
      encoding: 'utf8',
      timeout: START_TIMEOUT_MS,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(second.stderr).toContain('PORT=3001 npm start');
    expect(second.stderr).not.toMatch(/\n\s+at \S+ \(/);
    // The first server still answers.
    expect((await send('GET', '/api/kiosk/config')).status).toBe(200);
  });
});
