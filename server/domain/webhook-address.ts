/**
 * Where Shiftpass may send a webhook (issue 17, docs/webhooks.md "Where webhooks may go"): the URL's
 * shape, and which network addresses its host may resolve to. Pure: the service resolves the host
 * (all its addresses) and asks here, at registration and again before every delivery, then connects
 * to the address it checked.
 *
 * Refused unless allowed by the installation (SHIFTPASS_WEBHOOK_ALLOWED_HOSTS): every address that
 * is not on the public internet — loopback, private networks (RFC 1918, fc00::/7), link-local
 * (169.254/16 with the cloud metadata address, fe80::/10), carrier-grade NAT (100.64/10), the
 * unspecified address, multicast, broadcast and other reserved ranges, and the IPv4-mapped or
 * NAT64/6to4-embedded IPv6 forms of any of those. A host resolving to several addresses is refused
 * when any one of them is refused (the connection could go to any of them).
 */
import {
  cidrContains,
  parseCidr,
  parseIpAddress,
  unmapIpv4,
  type CidrRange,
  type IpAddress,
} from './ip-address.js';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/** Why a URL cannot be a webhook endpoint's, before any name is resolved. */
export type WebhookUrlProblem = 'invalid' | 'not_https';

/**
 * The URL's problem, or its parsed form and host (lower case, IPv6 without brackets). Refused as
 * `invalid`: not an absolute URL, surrounding spaces, a user name or password in it, a `#fragment`,
 * no host, longer than WEBHOOK_URL_MAX_LENGTH; `not_https`: any scheme but https.
 */
export function parseWebhookUrl(
  value: string,
): { ok: true; url: URL; host: string } | { ok: false; problem: WebhookUrlProblem } {
  if (value === '' || value.trim() !== value || value.length > WEBHOOK_URL_MAX_LENGTH) {
    return { ok: false, problem: 'invalid' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:') {
    // A scheme without a host ("mailto:", "javascript:") is not a web address at all.
    return { ok: false, problem: url.protocol === 'http:' ? 'not_https' : 'invalid' };
  }
  if (url.username !== '' || url.password !== '' || value.includes('#') || url.hostname === '') {
    return { ok: false, problem: 'invalid' };
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { ok: true, url, host: host.toLowerCase().replace(/\.$/, '') };
}

/** Why an address is not on the public internet. */
export type AddressClass =
  'loopback' | 'private' | 'link_local' | 'shared' | 'unspecified' | 'multicast' | 'reserved';

const range = (text: string): CidrRange => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad range ${text}`);
  return parsed;
};

/** IPv4 ranges that are not public, with why (IANA special-purpose registry). */
const V4_RANGES: readonly [CidrRange, AddressClass][] = [
  [range('0.0.0.0/8'), 'unspecified'],
  [range('10.0.0.0/8'), 'private'],
  [range('100.64.0.0/10'), 'shared'],
  [range('127.0.0.0/8'), 'loopback'],
  [range('169.254.0.0/16'), 'link_local'],
  [range('172.16.0.0/12'), 'private'],
  [range('192.0.0.0/24'), 'reserved'],
  [range('192.0.2.0/24'), 'reserved'],
  [range('192.88.99.0/24'), 'reserved'],
  [range('192.168.0.0/16'), 'private'],
  [range('198.18.0.0/15'), 'reserved'],
  [range('198.51.100.0/24'), 'reserved'],
  [range('203.0.113.0/24'), 'reserved'],
  [range('224.0.0.0/4'), 'multicast'],
  [range('240.0.0.0/4'), 'reserved'],
];

/** IPv6 ranges that are not public (the IPv4-embedding ones are checked through their IPv4 part). */
const V6_RANGES: readonly [CidrRange, AddressClass][] = [
  [range('::/128'), 'unspecified'],
  [range('::1/128'), 'loopback'],
  [range('::/96'), 'reserved'], // IPv4-compatible (deprecated)
  [range('100::/64'), 'reserved'], // discard-only
  [range('2001::/23'), 'reserved'], // IETF protocol assignments (Teredo, ORCHID…)
  [range('2001:db8::/32'), 'reserved'], // documentation
  [range('fc00::/7'), 'private'], // unique local
  [range('fe80::/10'), 'link_local'],
  [range('fec0::/10'), 'reserved'], // site-local (deprecated)
  [range('ff00::/8'), 'multicast'],
];

/** IPv6 prefixes that carry an IPv4 address inside: the embedded address is what is reached. */
const NAT64 = range('64:ff9b::/96');
const NAT64_LOCAL = range('64:ff9b:1::/48');
const SIX_TO_FOUR = range('2002::/16');

function classifyV4(value: bigint): AddressClass | null {
  if (value === 0xffff_ffffn) return 'reserved'; // broadcast
  const address: IpAddress = { version: 4, value };
  return V4_RANGES.find(([r]) => cidrContains(r, address))?.[1] ?? null;
}

/** Why `address` is not a public internet address, or null when it is. */
export function classifyAddress(address: IpAddress): AddressClass | null {
  const plain = unmapIpv4(address);
  if (plain.version === 4) return classifyV4(plain.value);
  if (cidrContains(NAT64, plain)) return classifyV4(plain.value & 0xffff_ffffn);
  if (cidrContains(NAT64_LOCAL, plain)) return 'private';
  if (cidrContains(SIX_TO_FOUR, plain)) return classifyV4((plain.value >> 80n) & 0xffff_ffffn);
  return V6_RANGES.find(([r]) => cidrContains(r, plain))?.[1] ?? null;
}

/** SHIFTPASS_WEBHOOK_ALLOWED_HOSTS, parsed: exact host names (lower case) and address ranges. */
export interface WebhookAllowList {
  hosts: readonly string[];
  ranges: readonly CidrRange[];
}

export const EMPTY_ALLOW_LIST: WebhookAllowList = { hosts: [], ranges: [] };

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses the comma-separated setting: each entry a host name (matched exactly, case-insensitively; no
 * wildcards) or an IPv4/IPv6 address or range. `invalid` lists entries that are neither.
 */
export function parseWebhookAllowList(text: string): { list: WebhookAllowList; invalid: string[] } {
  const hosts: string[] = [];
  const ranges: CidrRange[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const asRange = parseCidr(entry.startsWith('[') && entry.endsWith(']') ? entry.slice(1, -1) : entry);
    if (asRange) ranges.push(asRange);
    else if (HOST_NAME.test(entry.replace(/\.$/, ''))) hosts.push(entry.replace(/\.$/, ''));
    else invalid.push(raw.trim());
  }
  return { list: { hosts, ranges }, invalid };
}

/**
 * Whether a delivery to `host` may connect to `address`: a public address always; any other only
 * when the installation allows the host by name or the address by range. Never the unspecified
 * address or multicast (they cannot be a receiver), whatever the list says.
 */
export function addressAllowed(host: string, address: IpAddress, allow: WebhookAllowList): boolean {
  const kind = classifyAddress(address);
  if (kind === null) return true;
  if (kind === 'unspecified' || kind === 'multicast') return false;
  if (allow.hosts.includes(host.toLowerCase().replace(/\.$/, ''))) return true;
  const plain = unmapIpv4(address);
  return allow.ranges.some((r) => cidrContains(r, plain) || cidrContains(r, address));
}

/**
 * The addresses a host resolved to, checked together: the first to connect to, or null when there
 * is none or any of them is refused (a name that resolves to one public and one private address is
 * refused: the connection could reach either).
 */
export function pickAllowedAddress(
  host: string,
  resolved: readonly string[],
  allow: WebhookAllowList,
): string | null {
  if (resolved.length === 0) return null;
  for (const text of resolved) {
    const address = parseIpAddress(text);
    if (!address || !addressAllowed(host, address, allow)) return null;
  }
  return resolved[0]!;
}

/** Whether the host is written as an IP address (then it is not resolved). */
export function literalAddress(host: string): IpAddress | null {
  return parseIpAddress(host);
}
