/**
 * Requests to a runtime started in the bench's own process (`startRuntime`, no HTTP): admin calls
 * with the bootstrap token by default, each request from its own client address in `10.<subnet>.x.y`,
 * so the per-client sign-in budget never shapes a figure.
 */
import type { Runtime } from '../server/runtime.js';

export function inProcessApi(runtime: Runtime, token: string, subnet: number) {
  const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let clientCounter = 0;
  return (method: string, path: string, body: unknown, headers: Record<string, string> = admin) =>
    runtime.app.request(
      path,
      { method, headers, body: JSON.stringify(body) },
      { clientAddress: `10.${subnet}.${Math.floor(++clientCounter / 250) % 250}.${clientCounter % 250}` },
    );
}
