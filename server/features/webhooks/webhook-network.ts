/**
 * How the webhook sender reaches the network: the resolver (every address of a host name) and the
 * certificate authorities a receiver's certificate may chain to besides the system's. Real servers
 * use the system's DNS and CAs; tests inject a resolver (a name that "moves" to a private address)
 * and the CA of their local https receiver, never by turning certificate checks off.
 */
import { lookup } from 'node:dns/promises';

export interface WebhookNetwork {
  /** Every address `host` resolves to (IPv4 and IPv6, as text); throws when the name is not found. */
  resolve(host: string): Promise<string[]>;
  /** Extra trusted CA certificates (PEM), added to Node's default ones. */
  extraCa?: readonly string[];
}

export const systemWebhookNetwork: WebhookNetwork = {
  async resolve(host) {
    const addresses = await lookup(host, { all: true, verbatim: true });
    return addresses.map((entry) => entry.address);
  },
};
