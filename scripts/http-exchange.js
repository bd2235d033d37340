// What every request of a Shiftpass Node server gets, whichever handler answers it (the SvelteKit
// handler, the OpenID provider or the Hono API): used by scripts/start.js and server/index.ts.
//
// - HSTS when the server speaks TLS itself: a browser that once reached it over HTTPS never again
//   tries plain HTTP for this host (ASVS V3.4.1: at least a year). Not includeSubDomains: the
//   installation does not know who runs the rest of the domain.
// - A request body the handler did not read to the end (a 413 answered from Content-Length, a refusal
//   before the body mattered) is read and thrown away after the answer, so the next request on the
//   same keep-alive connection is parsed as a request and answered. A body that keeps coming beyond
//   DRAIN_MAX_BYTES or DRAIN_TIMEOUT_MS closes the connection instead: nobody pays for an endless upload.

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

export const HSTS = 'max-age=31536000';
/** Above the largest body any route accepts (the 3 MB CSV import), so an honest client's rest is read. */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
export const DRAIN_TIMEOUT_MS = 5000;

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
  const timer = setTimeout(close, DRAIN_TIMEOUT_MS);
  timer.unref();
  /** @param {Buffer} chunk */
  const count = (chunk) => {
    received += chunk.length;
    if (received > DRAIN_MAX_BYTES) close();
  };
  const done = () => {
    clearTimeout(timer);
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
