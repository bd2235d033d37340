/**
 * `npm run backup` and `npm run restore` against the real server process: a backup taken while the
 * server answers a burst of sign-ins and admin writes is a sound copy; restoring it (server stopped)
 * brings back the installation as it was — a worker badged before the backup signs in with badge and
 * PIN, a person added after it is gone — and keeps the replaced database aside. Restore refuses while
 * the server runs, refuses what is not a Shiftpass database, and refuses without the server key the
 * backup was made with (no PIN could be checked); `--with-key` carries the key to a new machine.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiClient,
  consistencyOf,
  createProcessWorker,
  enableQrCodePin,
  killLeftoverServers,
  newDataDir,
  runNpmScript,
  startServerProcess,
  type ApiClient,
  type DataDir,
  type ProcessWorker,
} from '../support/server-process.js';

// Server processes and npm scripts start tsx each time: seconds each on a busy machine.
const PROCESS_TEST_TIMEOUT_MS = 150_000;

const dirs: DataDir[] = [];
afterEach(() => {
  killLeftoverServers();
  for (const dir of dirs.splice(0)) dir.remove();
});

async function dataDir(): Promise<DataDir> {
  const dir = await newDataDir();
  dirs.push(dir);
  return dir;
}

async function signInStatus(api: ApiClient, worker: ProcessWorker, address: string) {
  const res = await api.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: worker.qr, pin: worker.pin },
    token: null,
    forwardedFor: address,
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code };
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('backup and restore', () => {
  it(
    'a backup taken under load restores with the server stopped: a worker badged before it signs in, a person added after it is gone, the replaced database is kept',
    async () => {
      const data = await dataDir();
      let server = await startServerProcess(data);
      const api = apiClient(() => server.origin);
      await enableQrCodePin(api);
      // Several badges: concurrent attempts on one badge are held to its lockout threshold (claimed first).
      const signers = await Promise.all(
        Array.from({ length: 4 }, (_, i) => createProcessWorker(api, `before-backup-${i}`)),
      );
      const before = signers[0]!;
      const backup = join(data.dir, 'backups', 'under-load');

      // Waves of sign-ins and admin writes until the backup has finished: it runs under load throughout.
      let backupDone = false;
      const statuses: number[] = [];
      const load = (async () => {
        for (let wave = 0; !backupDone || wave === 0; wave++) {
          const answers = await Promise.all(
            Array.from({ length: 24 }, (_, i) =>
              i % 3 === 0
                ? api
                    .request('POST', '/api/admin/users', {
                      body: { userPrincipalName: `load${wave}-${i}@example.test`, displayName: 'Load' },
                    })
                    .then((res) => res.status)
                : signInStatus(api, signers[i % 4]!, `10.9.${wave % 250}.${i + 1}`).then(
                    (answer) => answer.status,
                  ),
            ),
          );
          statuses.push(...answers);
        }
      })();
      const backedUp = await runNpmScript(data, 'backup', [backup]);
      backupDone = true;
      await load;
      expect(backedUp.code, backedUp.output).toBe(0);
      expect(new Set(statuses)).toEqual(new Set([200, 201]));

      // A sound copy, readable by the service user only; the server key is kept apart by default.
      expect(await consistencyOf(join(backup, 'shiftpass.db'))).toEqual(['ok']);
      expect(modeOf(backup)).toBe(0o700);
      expect(modeOf(join(backup, 'shiftpass.db'))).toBe(0o600);
      expect(readdirSync(backup).sort()).toEqual(['backup.json', 'shiftpass.db']);

      const after = await createProcessWorker(api, 'after-backup');
      const whileRunning = await runNpmScript(data, 'restore', [backup]);
      expect(whileRunning.code).toBe(1);
      expect(whileRunning.output).toContain('stop the server first');
      expect((await api.request('GET', `/api/admin/users/${after.id}`)).status).toBe(200);

      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const restored = await runNpmScript(data, 'restore', [backup]);
      expect(restored.code, restored.output).toBe(0);

      server = await startServerProcess(data);
      expect(await signInStatus(api, before, '10.250.1.1')).toEqual({ status: 200, code: undefined });
      expect(await signInStatus(api, after, '10.250.1.2')).toEqual({
        status: 401,
        code: 'QR_CODE_NOT_RECOGNIZED',
      });
      expect((await api.request('GET', `/api/admin/users/${after.id}`)).status).toBe(404);
      const keptAside = readdirSync(data.dir).filter((name) =>
        name.startsWith('shiftpass.db.before-restore-'),
      );
      expect(keptAside).toHaveLength(1);
      expect(modeOf(join(data.dir, keptAside[0]!))).toBe(0o600);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'on a new machine a backup restores only with the server key it was made with: refused without it, and with --with-key a worker signs in with the badge and PIN issued before',
    async () => {
      const old = await dataDir();
      let server = await startServerProcess(old);
      const api = apiClient(() => server.origin);
      await enableQrCodePin(api);
      const worker = await createProcessWorker(api, 'moved');
      const withoutKey = join(old.dir, 'backups', 'no-key');
      const withKey = join(old.dir, 'backups', 'with-key');
      expect((await runNpmScript(old, 'backup', [withoutKey])).code).toBe(0);
      expect((await runNpmScript(old, 'backup', [withKey, '--with-key'])).code).toBe(0);
      server.child.kill('SIGTERM');
      await server.exited;
      expect(modeOf(join(withKey, 'server.key'))).toBe(0o600);
      expect(readFileSync(join(withKey, 'server.key'))).toEqual(readFileSync(join(old.dir, 'server.key')));

      const fresh = await dataDir();
      const refused = await runNpmScript(fresh, 'restore', [withoutKey]);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('there is no server key here');
      expect(existsSync(fresh.databasePath)).toBe(false);

      const restored = await runNpmScript(fresh, 'restore', [withKey]);
      expect(restored.code, restored.output).toBe(0);
      expect(modeOf(join(fresh.dir, 'server.key'))).toBe(0o600);
      server = await startServerProcess(fresh);
      expect(await signInStatus(api, worker, '10.250.2.1')).toEqual({ status: 200, code: undefined });
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'refuses to restore a file that is not a Shiftpass database and changes nothing',
    async () => {
      const data = await dataDir();
      const text = join(data.dir, 'notes.txt');
      writeFileSync(text, 'not a database\n');
      const foreign = join(data.dir, 'other.db');
      const client = createClient({ url: `file:${foreign}` });
      await client.execute('CREATE TABLE things (id INTEGER PRIMARY KEY)');
      client.close();

      const fromText = await runNpmScript(data, 'restore', [text]);
      expect(fromText.code).toBe(1);
      expect(fromText.output).toContain('is not a database');
      const fromForeign = await runNpmScript(data, 'restore', [foreign]);
      expect(fromForeign.code).toBe(1);
      expect(fromForeign.output).toContain('is not a Shiftpass database');
      expect(existsSync(data.databasePath)).toBe(false);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
