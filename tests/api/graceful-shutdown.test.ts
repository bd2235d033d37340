/**
 * SIGTERM (a deploy, `docker stop`, systemd) on the real API server process: a request already in
 * progress gets its answer and its write is kept, new connections are refused, the database is closed
 * cleanly and the process exits 0; a client that never finishes its request holds the stop up for
 * SHUTDOWN_TIMEOUT seconds at most.
 *
 * "In progress" is made certain without sleeping: the request asks `Expect: 100-continue`, so the
 * server's `100 Continue` proves it holds the request before the signal is sent; its body follows
 * only after the server has said it is stopping.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  consistencyOf,
  killLeftoverServers,
  newDataDir,
  openFile,
  PROCESS_ADMIN_TOKEN,
  rowsOf,
  startServerProcess,
  type DataDir,
} from '../support/server-process.js';

const STOPPING = 'finishing requests in progress';
// Each test starts a server process (tsx compiles the server on start): seconds on a busy machine.
const PROCESS_TEST_TIMEOUT_MS = 90_000;

let data: DataDir | undefined;
afterEach(() => {
  killLeftoverServers();
  data?.remove();
});

/** A raw HTTP/1.1 request whose headers are sent and acknowledged (100 Continue), body held back. */
async function startHeldRequest(
  port: string,
  body: string,
): Promise<{ socket: Socket; answer: Promise<string> }> {
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  let onContinue: () => void = () => {};
  const continued = new Promise<void>((resolve) => (onContinue = resolve));
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
    if (received.includes('100 Continue')) onContinue();
  });
  const answer = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.write(
    [
      'POST /api/admin/users HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${PROCESS_ADMIN_TOKEN}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Expect: 100-continue',
      '',
      '',
    ].join('\r\n'),
  );
  await continued;
  return { socket, answer };
}

describe('stopping the server with SIGTERM', () => {
  it(
    'answers a request already in progress, keeps its write, refuses new connections and exits 0',
    async () => {
      data = await newDataDir();
      const server = await startServerProcess(data);
      const body = JSON.stringify({ userPrincipalName: 'late@example.test', displayName: 'Late Arrival' });
      const held = await startHeldRequest(data.env.PORT!, body);

      server.child.kill('SIGTERM');
      await server.printed(STOPPING);
      await expect(fetch(`${server.origin}/api/auth/session`)).rejects.toThrow();

      held.socket.write(body);
      const answer = await held.answer;
      expect(answer).toMatch(/HTTP\/1\.1 201 Created/);
      expect(answer).toContain('"userPrincipalName":"late@example.test"');
      expect(await server.exited).toEqual({ code: 0, signal: null });

      expect(server.output()).toContain('shiftpass: stopped');
      expect(await consistencyOf(data.databasePath)).toEqual(['ok']);
      const db = openFile(data.databasePath);
      try {
        const rows = await rowsOf(db, 'SELECT id FROM users WHERE user_principal_name = ?', [
          'late@example.test',
        ]);
        expect(rows).toHaveLength(1);
      } finally {
        db.close();
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'cuts a client that never finishes its request after SHUTDOWN_TIMEOUT instead of waiting forever',
    async () => {
      data = await newDataDir({ SHUTDOWN_TIMEOUT: '1' });
      const server = await startServerProcess(data);
      const held = await startHeldRequest(data.env.PORT!, '{"never":"sent"}');

      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(5_000);
      // The stalled client got no answer: nothing it asked for was acknowledged.
      expect(await held.answer).not.toMatch(/HTTP\/1\.1 2\d\d/);
      expect(await consistencyOf(data.databasePath)).toEqual(['ok']);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
