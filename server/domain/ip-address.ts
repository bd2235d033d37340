/**
 * IPv4 / IPv6 addresses and CIDR ranges as bigints, for named locations and trusted proxies.
 *
 * Addresses: dotted-quad IPv4 (no leading zeros: "010.0.0.1" is refused, as some parsers read it as
 * octal), IPv6 in any RFC 4291 text form (zero compression "::", upper or lower case, a trailing
 * dotted IPv4 part as in "::ffff:1.2.3.4"). Refused: zone ids ("fe80::1%eth0" — a zone is local to
 * one host and means nothing in a policy), brackets, ports, whitespace, anything longer than 64
 * characters.
 *
 * Ranges: "address/prefix" with prefix 0–32 (IPv4) or 0–128 (IPv6), written in decimal without
 * leading zeros. A bare address is the one-address range (/32 or /128). A range whose address has
 * host bits set ("10.0.0.1/8") is REFUSED rather than silently widened to 10.0.0.0/8: an admin who
 * types it most likely meant either the single host or a different network, and guessing would
 * widen (or narrow) who gets in without anyone noticing.
 *
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, what a dual-stack socket reports for an IPv4 client)
 * are the same client as a.b.c.d: `cidrContains` matches them against IPv4 ranges, and an IPv4
 * address against an IPv6 range is compared as its mapped form (so ::/0 contains every address).
 */

export type IpVersion = 4 | 6;

export interface IpAddress {
  readonly version: IpVersion;
  /** 32-bit value for IPv4, 128-bit value for IPv6. */
  readonly value: bigint;
}

export interface CidrRange {
  readonly version: IpVersion;
  /** The first address of the range (host bits are zero). */
  readonly network: bigint;
  readonly prefix: number;
}

const MAX_TEXT = 64;
const V4_BITS = 32;
const V6_BITS = 128;
const MAPPED_PREFIX = 0xffffn << 32n; // ::ffff:0:0/96
const V4_PART = /^(0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const DECIMAL = /^(0|[1-9][0-9]{0,2})$/;

function bitsOf(version: IpVersion): number {
  return version === 4 ? V4_BITS : V6_BITS;
}

function parseIpv4Value(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!V4_PART.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseHexGroups(text: string): bigint[] | null {
  if (text === '') return [];
  const groups: bigint[] = [];
  const pieces = text.split(':');
  for (const [index, piece] of pieces.entries()) {
    if (index === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4Value(piece);
      if (v4 === null) return null;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEX_GROUP.test(piece)) {
      groups.push(BigInt(`0x${piece}`));
    } else {
      return null;
    }
  }
  return groups;
}

function parseIpv6Value(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  let groups: bigint[];
  if (halves.length === 2) {
    const head = parseHexGroups(halves[0] ?? '');
    const tail = parseHexGroups(halves[1] ?? '');
    // A dotted IPv4 part may only end the address, never precede "::".
    if (!head || !tail || (halves[0] ?? '').includes('.')) return null;
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  } else {
    const all = parseHexGroups(text);
    if (!all || all.length !== 8) return null;
    groups = all;
  }
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** Parses one address, or null when it is not a plain IPv4/IPv6 address (see the module doc). */
export function parseIpAddress(text: string): IpAddress | null {
  if (text.length === 0 || text.length > MAX_TEXT) return null;
  if (text.includes(':')) {
    const value = parseIpv6Value(text);
    return value === null ? null : { version: 6, value };
  }
  const value = parseIpv4Value(text);
  return value === null ? null : { version: 4, value };
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d); any other address as is. */
export function unmapIpv4(address: IpAddress): IpAddress {
  if (address.version === 6 && address.value >> 32n === 0xffffn) {
    return { version: 4, value: address.value & 0xffff_ffffn };
  }
  return address;
}

function hostMask(version: IpVersion, prefix: number): bigint {
  return (1n << BigInt(bitsOf(version) - prefix)) - 1n;
}

/** Parses "address/prefix" (or a bare address = one host), or null; host bits set are refused. */
export function parseCidr(text: string): CidrRange | null {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return null;
  let prefix = bitsOf(address.version);
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!DECIMAL.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > bitsOf(address.version)) return null;
  }
  if ((address.value & hostMask(address.version, prefix)) !== 0n) return null;
  return { version: address.version, network: address.value, prefix };
}

/** Whether the range holds the address; IPv4-mapped IPv6 addresses match IPv4 ranges. */
export function cidrContains(range: CidrRange, address: IpAddress): boolean {
  let candidate = address;
  if (range.version === 4) candidate = unmapIpv4(address);
  else if (address.version === 4) candidate = { version: 6, value: MAPPED_PREFIX | address.value };
  if (candidate.version !== range.version) return false;
  const networkMask = ~hostMask(range.version, range.prefix);
  return (candidate.value & networkMask) === range.network;
}

/** Whether any range of the list holds the address. */
export function anyCidrContains(ranges: readonly CidrRange[], address: IpAddress): boolean {
  return ranges.some((range) => cidrContains(range, address));
}

function formatIpv4Value(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/**
 * Canonical text: dotted IPv4; IPv6 per RFC 5952 (lower case, the longest run of two or more zero
 * groups compressed, the left-most on a tie), with IPv4-mapped addresses as "::ffff:a.b.c.d".
 */
export function formatIpAddress(address: IpAddress): string {
  if (address.version === 4) return formatIpv4Value(address.value);
  if (address.value >> 32n === 0xffffn) return `::ffff:${formatIpv4Value(address.value & 0xffff_ffffn)}`;
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((address.value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Canonical "network/prefix" text. */
export function formatCidr(range: CidrRange): string {
  return `${formatIpAddress({ version: range.version, value: range.network })}/${range.prefix}`;
}

/** Parses a list of ranges; `invalid` lists the entries that are not ranges, as written. */
export function parseCidrList(texts: readonly string[]): { ranges: CidrRange[]; invalid: string[] } {
  const ranges: CidrRange[] = [];
  const invalid: string[] = [];
  for (const text of texts) {
    const range = parseCidr(text.trim());
    if (range) ranges.push(range);
    else invalid.push(text);
  }
  return { ranges, invalid };
}

/**
 * What is wrong with one range as an admin typed it, in words; null when `parseCidr` accepts it.
 * Host bits set is named with the network the admin may have meant, never silently widened.
 */
export function cidrProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'is empty';
  if (parseCidr(trimmed)) return null;
  const slash = trimmed.indexOf('/');
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const address = parseIpAddress(addressText);
  if (!address) return `'${addressText}' is not an IPv4 or IPv6 address`;
  const bits = bitsOf(address.version);
  const prefixText = trimmed.slice(slash + 1);
  if (!DECIMAL.test(prefixText) || Number(prefixText) > bits) {
    return `the prefix after '/' must be a whole number from 0 to ${bits}`;
  }
  const prefix = Number(prefixText);
  const network = { version: address.version, value: address.value & ~hostMask(address.version, prefix) };
  return `has host bits set: did you mean ${formatIpAddress(network)}/${prefix} (the network) or ${formatIpAddress(address)}/${bits} (one address)?`;
}

/** IPV6_CLIENT_PREFIX: how many leading bits of an IPv6 address name one client (default /64). */
export const IPV6_CLIENT_PREFIX = { min: 32, max: 128, default: 64 } as const;

/**
 * The network a client is budgeted as (every per-client limit): an IPv4 address on its own (an
 * IPv4-mapped IPv6 address as that IPv4 address), an IPv6 address as its `/ipv6Prefix` network, e.g.
 * "2001:db8:1:2::/64". One host, or one customer's LAN, is routinely given a whole /64 and may pick any
 * address in it, so counting each /128 apart would hand it 2^64 fresh budgets (RFC 7707 §2.1,
 * RFC 8981). Null when the text is not an address.
 */
export function clientNetworkOf(addressText: string, ipv6Prefix: number): string | null {
  const parsed = parseIpAddress(addressText);
  if (!parsed) return null;
  const address = unmapIpv4(parsed);
  if (address.version === 4) return formatIpAddress(address);
  const prefix = Math.min(V6_BITS, Math.max(0, Math.trunc(ipv6Prefix)));
  const network = address.value & ~hostMask(6, prefix);
  return formatCidr({ version: 6, network, prefix });
}
