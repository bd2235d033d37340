/**
 * Which address a sign-in came from, for named-location conditions.
 *
 * `X-Forwarded-For` is anybody's to write, so it is believed only as far as a chain of trusted
 * proxies vouches for it:
 * - the direct peer (the socket address) must be inside a trusted-proxy range, otherwise the header
 *   is ignored entirely and the socket address is the client;
 * - the header is then read from the RIGHT (the entry the trusted peer itself appended) leftwards,
 *   skipping entries that are themselves trusted proxies; the first untrusted entry is the client.
 *   Anything left of it was written by that client and is never taken, so a spoofed left-most entry
 *   ("X-Forwarded-For: 10.0.0.1" sent by an attacker) cannot pose as a store address;
 * - a malformed entry (not an address, empty, a zone id…) ends the walk: the answer is the last
 *   trusted hop reached (the socket address or a trusted proxy), never a value past the garbage;
 * - if every entry is a trusted proxy, the left-most one is the answer (the client is a proxy);
 * - at most MAX_FORWARDED_HOPS entries are examined (from the right); a longer chain of trusted
 *   proxies ends at the last trusted hop examined.
 * Entries may carry a port as some proxies write it ("203.0.113.9:51234", "[2001:db8::1]:443").
 * Addresses come back in canonical text (`formatIpAddress`), IPv4-mapped IPv6 as plain IPv4.
 */
import {
  anyCidrContains,
  formatIpAddress,
  parseIpAddress,
  unmapIpv4,
  type CidrRange,
  type IpAddress,
} from './ip-address.js';

export const MAX_FORWARDED_HOPS = 20;

export interface ClientAddressInput {
  /** The TCP peer, as the server socket reports it (may be ::ffff:a.b.c.d). */
  socketAddress: string | null | undefined;
  /** The X-Forwarded-For header value(s); several headers are read in order, as one list. */
  forwardedFor?: string | readonly string[] | null;
  /** Ranges of proxies whose X-Forwarded-For entries are believed (empty: never believed). */
  trustedProxies: readonly CidrRange[];
}

export interface ClientAddress {
  /** Canonical text of the client's address, or null when the socket address is unusable. */
  address: string | null;
  /** Where it came from: the socket itself or an X-Forwarded-For entry. */
  source: 'socket' | 'forwardedFor' | 'none';
}

/** Parses one X-Forwarded-For entry, allowing "v4:port" and "[v6]:port". */
export function parseForwardedEntry(entry: string): IpAddress | null {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::[0-9]{1,5})?$/.exec(text);
  if (bracketed) return parseIpAddress(bracketed[1] ?? '');
  const v4WithPort = /^([0-9.]+):[0-9]{1,5}$/.exec(text);
  if (v4WithPort) return parseIpAddress(v4WithPort[1] ?? '');
  return parseIpAddress(text);
}

function canonical(address: IpAddress): string {
  return formatIpAddress(unmapIpv4(address));
}

function forwardedEntries(forwardedFor: ClientAddressInput['forwardedFor']): string[] {
  if (forwardedFor === null || forwardedFor === undefined) return [];
  const headers = typeof forwardedFor === 'string' ? [forwardedFor] : forwardedFor;
  return headers.flatMap((header) => header.split(','));
}

/** The client's address, believing X-Forwarded-For only through trusted proxies (module doc). */
export function clientAddressOf(input: ClientAddressInput): ClientAddress {
  const socket = input.socketAddress ? parseIpAddress(input.socketAddress.trim()) : null;
  if (!socket) return { address: null, source: 'none' };
  if (!anyCidrContains(input.trustedProxies, socket)) return { address: canonical(socket), source: 'socket' };

  const entries = forwardedEntries(input.forwardedFor);
  let lastTrusted: { address: IpAddress; source: ClientAddress['source'] } = {
    address: socket,
    source: 'socket',
  };
  const lowest = Math.max(0, entries.length - MAX_FORWARDED_HOPS);
  for (let index = entries.length - 1; index >= lowest; index--) {
    const hop = parseForwardedEntry(entries[index] ?? '');
    if (!hop) break;
    if (!anyCidrContains(input.trustedProxies, hop)) {
      return { address: canonical(hop), source: 'forwardedFor' };
    }
    lastTrusted = { address: hop, source: 'forwardedFor' };
  }
  return { address: canonical(lastTrusted.address), source: lastTrusted.source };
}
