/**
 * A pass-through HTTP proxy in front of the test server that can "deploy a new release": once
 * `release()` is called, the service worker script it serves differs by a comment, which is exactly
 * what a browser sees when a new version of Shiftpass is installed on the server. (Playwright cannot
 * route the browser's own service-worker update fetch, so the change has to come from a server.)
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReleaseProxy {
  url: string;
  release(): void;
  close(): Promise<void>;
}

export async function startReleaseProxy(upstream: string): Promise<ReleaseProxy> {
  const target = new URL(upstream);
  let released = false;
  const server: Server = createServer((incoming, outgoing) => {
    const newScript = released && incoming.url?.split('?')[0] === '/service-worker.js';
    const headers = { ...incoming.headers, host: target.host };
    if (newScript) {
      // The browser revalidates the script; the upstream's "304 Not Modified" would hide the release.
      delete headers['if-none-match'];
      delete headers['if-modified-since'];
      // Plain text, so the new line can be appended (the server would send it compressed).
      delete headers['accept-encoding'];
    }
    const forwarded = request(
      // A fresh connection each time: a reused keep-alive socket the server has just closed would
      // fail the request, and the new worker's install with it.
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers,
        agent: false,
      },
      (answer) => {
        const rewrite = newScript && answer.statusCode === 200;
        if (!rewrite) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat([...chunks, Buffer.from('\n// next release\n')]);
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers.etag;
          outgoing.writeHead(200, headers);
          outgoing.end(body);
        });
      },
    );
    forwarded.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    release: () => (released = true),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
