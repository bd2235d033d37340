// What every request of a Shiftpass Node server gets, whichever handler answers it (the SvelteKit
// handler, the OpenID provider or the Hono API): used by scripts/start.js and server/index.ts.
//
// - HSTS when the server speaks TLS itself: a browser that once reached it over HTTPS never again
//   tries plain HTTP for this host (ASVS V3.4.1: at least a year). Not includeSubDomains: the
//   installation does not know who runs the rest of the domain.
// - A request body the handler did not read to the end (a 413 answered from Content-Length, a refusal
//   before the body mattered) is read and thrown away after the answer, so the next request on the
//   same keep-alive connection is parsed as a request and answered. A body that keeps coming beyond
//   DRAIN_MAX_BYTES or DRAIN_MAX_MS, or stops for DRAIN_IDLE_MS, closes the connection instead: nobody
//   pays for an endless upload. (As nginx's lingering close: a slow but steady honest upload is read to
//   its end, so its client reads the 413 instead of a reset that can swallow it; under load a 4 MB upload
//   took longer than a fixed 5 s.)

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

export const HSTS = 'max-age=31536000';
/** Above the largest body any route accepts (the 3 MB CSV import), so an honest client's rest is read. */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
/** The longest pause in a discarded body before the connection is closed. */
export const DRAIN_IDLE_MS = 5000;
/** The longest a discarded body is read, however steadily it comes. */
export const DRAIN_MAX_MS = 30_000;

/**
 * Reads what is left of `req`'s body and discards it; closes the connection when it is too long or
 * too slow. Listeners of the handler that gave up on the body are removed first (as Node's own
 * `_dump` does), so nothing buffers the discarded bytes.
 * @param {IncomingMessage} req
 */
export function discardUnreadBody(req) {
  if (req.complete || req.destroyed) return;
  let received = 0;
  const close = () => {
    done();
    req.socket.destroy();
  };
  const deadline = setTimeout(close, DRAIN_MAX_MS);
  deadline.unref();
  const idle = setTimeout(close, DRAIN_IDLE_MS);
  idle.unref();
  /** @param {Buffer} chunk */
  const count = (chunk) => {
    received += chunk.length;
    if (received > DRAIN_MAX_BYTES) return close();
    idle.refresh();
  };
  const done = () => {
    clearTimeout(deadline);
    clearTimeout(idle);
    req.off('data', count);
    req.off('end', done);
    req.off('error', done);
  };
  req.removeAllListeners('data');
  req.on('data', count);
  req.on('end', done);
  req.on('error', done);
  req.resume();
}

/**
 * Call first for every request: sets the headers every answer carries and discards an unread body
 * once the answer is sent.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {{ tls: boolean }} options
 */
export function prepareExchange(req, res, options) {
  if (options.tls) res.setHeader('Strict-Transport-Security', HSTS);
  res.once('finish', () => discardUnreadBody(req));
}
