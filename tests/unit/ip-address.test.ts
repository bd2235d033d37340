/** IPv4/IPv6 addresses and CIDR ranges: parsing, canonical text, and which addresses a range holds. */
import { describe, expect, test } from 'vitest';
import {
  cidrContains,
  cidrProblem,
  formatCidr,
  formatIpAddress,
  parseCidr,
  parseCidrList,
  parseIpAddress,
  unmapIpv4,
  type CidrRange,
} from '../../server/domain/ip-address.js';

function range(text: string): CidrRange {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`not a range: ${text}`);
  return parsed;
}

function contains(rangeText: string, addressText: string): boolean {
  const address = parseIpAddress(addressText);
  if (!address) throw new Error(`not an address: ${addressText}`);
  return cidrContains(range(rangeText), address);
}

describe('parseIpAddress', () => {
  test.each([
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffff_ffffn],
    ['192.168.1.20', 4, 0xc0a8_0114n],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['2001:db8::1', 6, 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    ['2001:DB8::1', 6, 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 6, 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    ['fe80::', 6, 0xfe80n << 112n],
    ['1:2:3:4:5:6:7::', 6, 0x0001_0002_0003_0004_0005_0006_0007_0000n],
    ['::ffff:1.2.3.4', 6, 0xffff_0102_0304n],
    ['::FFFF:1.2.3.4', 6, 0xffff_0102_0304n],
    ['64:ff9b::192.0.2.33', 6, (0x64n << 112n) | (0xff9bn << 96n) | 0xc000_0221n],
  ])('%s is IPv%d', (text, version, value) => {
    expect(parseIpAddress(text)).toEqual({ version, value });
  });

  test.each([
    ['', 'empty'],
    ['1.2.3', 'three parts'],
    ['1.2.3.4.5', 'five parts'],
    ['256.1.1.1', 'octet over 255'],
    ['010.0.0.1', 'leading zero (octal to some parsers)'],
    ['1.2.3.-4', 'negative'],
    [' 1.2.3.4', 'whitespace'],
    ['1.2.3.4:80', 'port'],
    ['fe80::1%eth0', 'zone id'],
    ['fe80::1%25eth0', 'URL-escaped zone id'],
    ['[::1]', 'brackets'],
    ['1::2::3', 'two "::"'],
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
    ['1:2:3:4:5:6:7', 'seven groups without "::"'],
    ['1:2:3:4:5:6:7:8::', '"::" standing for no group'],
    ['12345::', 'group of five digits'],
    ['g::1', 'not hex'],
    [':1:2:3:4:5:6:7', 'leading single colon'],
    ['1.2.3.4::', 'IPv4 part before "::"'],
    ['::1.2.3.4:5', 'IPv4 part not last'],
    ['::ffff:1.2.3.256', 'bad IPv4 tail'],
    ['a'.repeat(65), 'too long'],
  ])('refuses %j (%s)', (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });
});

describe('formatIpAddress (canonical text)', () => {
  test.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::', '::'],
    ['::1', '::1'],
    ['::ffff:c000:221', '::ffff:192.0.2.33'],
  ])('%s → %s', (text, canonical) => {
    const address = parseIpAddress(text);
    expect(address && formatIpAddress(address)).toBe(canonical);
  });

  test('unmapIpv4 turns ::ffff:a.b.c.d into a.b.c.d and leaves others alone', () => {
    const mapped = parseIpAddress('::ffff:203.0.113.9');
    const plain = parseIpAddress('2001:db8::9');
    expect(mapped && unmapIpv4(mapped)).toEqual(parseIpAddress('203.0.113.9'));
    expect(plain && unmapIpv4(plain)).toEqual(plain);
  });
});

describe('parseCidr', () => {
  test.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['192.0.2.7/32', '192.0.2.7/32'],
    ['192.0.2.7', '192.0.2.7/32'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:DB8::/32', '2001:db8::/32'],
    ['::/0', '::/0'],
    ['2001:db8::1/128', '2001:db8::1/128'],
    ['2001:db8::1', '2001:db8::1/128'],
    ['::ffff:10.0.0.0/104', '::ffff:10.0.0.0/104'],
  ])('%s reads as %s', (text, canonical) => {
    expect(formatCidr(range(text))).toBe(canonical);
  });

  test.each([
    ['10.0.0.1/8', 'host bits set'],
    ['2001:db8::1/32', 'host bits set (IPv6)'],
    ['10.0.0.0/33', 'prefix over 32'],
    ['2001:db8::/129', 'prefix over 128'],
    ['10.0.0.0/-1', 'negative prefix'],
    ['10.0.0.0/08', 'prefix with a leading zero'],
    ['10.0.0.0/', 'empty prefix'],
    ['10.0.0.0/8/8', 'two slashes'],
    ['10.0.0.0/ 8', 'space in prefix'],
    ['10.0.0/8', 'bad address'],
    ['fe80::%eth0/64', 'zone id'],
    ['/8', 'no address'],
  ])('refuses %j (%s)', (text) => {
    expect(parseCidr(text)).toBeNull();
  });

  test('parseCidrList keeps the good ranges and names the bad ones', () => {
    const { ranges, invalid } = parseCidrList(['10.0.0.0/8', ' 2001:db8::/32 ', '10.0.0.1/8', 'nope']);
    expect(ranges.map(formatCidr)).toEqual(['10.0.0.0/8', '2001:db8::/32']);
    expect(invalid).toEqual(['10.0.0.1/8', 'nope']);
  });
});

describe('cidrContains', () => {
  test.each([
    // IPv4: first/last address, just outside on both sides.
    ['10.0.0.0/8', '10.0.0.0', true],
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '9.255.255.255', false],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['192.168.4.0/22', '192.168.4.0', true],
    ['192.168.4.0/22', '192.168.7.255', true],
    ['192.168.4.0/22', '192.168.3.255', false],
    ['192.168.4.0/22', '192.168.8.0', false],
    ['203.0.113.9/32', '203.0.113.9', true],
    ['203.0.113.9/32', '203.0.113.8', false],
    ['203.0.113.9/32', '203.0.113.10', false],
    ['0.0.0.0/0', '0.0.0.0', true],
    ['0.0.0.0/0', '255.255.255.255', true],
    // IPv6: first/last, just outside.
    ['2001:db8::/32', '2001:db8::', true],
    ['2001:db8::/32', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['2001:db8::/32', '2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', false],
    ['2001:db8::/32', '2001:db9::', false],
    ['2001:db8:0:10::/60', '2001:db8:0:1f:ffff:ffff:ffff:ffff', true],
    ['2001:db8:0:10::/60', '2001:db8:0:20::', false],
    ['2001:db8::1/128', '2001:db8::1', true],
    ['2001:db8::1/128', '2001:db8::', false],
    ['2001:db8::1/128', '2001:db8::2', false],
    ['::/0', '::', true],
    ['::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
    // Mapped addresses: the same client as the IPv4 address.
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['10.0.0.0/8', '::FFFF:a01:203', true],
    ['10.0.0.0/8', '::ffff:11.0.0.0', false],
    ['203.0.113.9/32', '::ffff:203.0.113.9', true],
    ['0.0.0.0/0', '::ffff:0.0.0.0', true],
    ['::ffff:10.0.0.0/104', '10.200.0.1', true],
    ['::ffff:10.0.0.0/104', '11.0.0.1', false],
    ['::/0', '192.0.2.1', true],
    // A non-mapped IPv6 address is never in an IPv4 range, and the reverse.
    ['0.0.0.0/0', '2001:db8::1', false],
    ['0.0.0.0/0', '::1', false],
    ['0.0.0.0/0', '::10.0.0.1', false],
    ['2001:db8::/32', '10.0.0.1', false],
  ])('%s holds %s: %s', (rangeText, addressText, expected) => {
    expect(contains(rangeText, addressText)).toBe(expected);
  });
});

describe('cidrProblem: words for a range an admin typed', () => {
  test.each(['10.0.0.0/8', '192.0.2.7', '2001:db8::/32', ' ::1/128 '])('%j is fine', (text) => {
    expect(cidrProblem(text)).toBeNull();
  });
  test.each([
    ['', 'is empty'],
    ['10.0.0.1/8', 'has host bits set: did you mean 10.0.0.0/8 (the network) or 10.0.0.1/32 (one address)?'],
    [
      '2001:db8::1/32',
      'has host bits set: did you mean 2001:db8::/32 (the network) or 2001:db8::1/128 (one address)?',
    ],
    ['10.0.0.0/33', "the prefix after '/' must be a whole number from 0 to 32"],
    ['2001:db8::/129', "the prefix after '/' must be a whole number from 0 to 128"],
    ['10.0.0.0/', "the prefix after '/' must be a whole number from 0 to 32"],
    ['10.0.0.256/32', "'10.0.0.256' is not an IPv4 or IPv6 address"],
    ['store wifi', "'store wifi' is not an IPv4 or IPv6 address"],
  ])('%j → %s', (text, problem) => {
    expect(cidrProblem(text)).toBe(problem);
  });
});
