/**
 * Which network a client is budgeted as (every per-client limit): IPv4 addresses alone, IPv6 addresses
 * by their IPV6_CLIENT_PREFIX network, so one host cannot take a fresh budget per address of its /64.
 */
import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config.js';
import { clientNetworkOf, IPV6_CLIENT_PREFIX } from '../../server/domain/ip-address.js';

describe('clientNetworkOf', () => {
  test('every address of one IPv6 /64 is the same client', () => {
    const addresses = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:DB8:1:2:a:b:c:d'];
    expect(addresses.map((address) => clientNetworkOf(address, 64))).toEqual([
      '2001:db8:1:2::/64',
      '2001:db8:1:2::/64',
      '2001:db8:1:2::/64',
    ]);
  });

  test('the neighbouring /64 is another client', () => {
    expect(clientNetworkOf('2001:db8:1:3::1', 64)).not.toBe(clientNetworkOf('2001:db8:1:2::1', 64));
  });

  test.each([
    [48, '2001:db8:1:2::1', '2001:db8:1::/48'],
    [56, '2001:db8:1:2ff::1', '2001:db8:1:200::/56'],
    [128, '2001:db8::1', '2001:db8::1/128'],
  ])('the configured prefix /%i is honoured (%s → %s)', (prefix, address, network) => {
    expect(clientNetworkOf(address, prefix)).toBe(network);
  });

  test('an IPv4 address is its own client, whatever the IPv6 prefix', () => {
    expect(clientNetworkOf('203.0.113.9', 64)).toBe('203.0.113.9');
    expect(clientNetworkOf('203.0.113.10', 32)).toBe('203.0.113.10');
  });

  test('an IPv4-mapped IPv6 address is the IPv4 client, not a /64 holding every IPv4 address', () => {
    expect(clientNetworkOf('::ffff:203.0.113.9', 64)).toBe('203.0.113.9');
    expect(clientNetworkOf('::ffff:203.0.113.10', 64)).toBe('203.0.113.10');
  });

  test('text that is not an address is nobody', () => {
    expect(clientNetworkOf('not-an-address', 64)).toBeNull();
    expect(clientNetworkOf('', 64)).toBeNull();
  });
});

describe('IPV6_CLIENT_PREFIX', () => {
  test('defaults to /64', () => {
    expect(IPV6_CLIENT_PREFIX.default).toBe(64);
    expect(parseConfig({}).ipv6ClientPrefix).toBe(64);
  });

  test.each(['32', '56', '128'])('%s is accepted', (value) => {
    expect(parseConfig({ IPV6_CLIENT_PREFIX: value }).ipv6ClientPrefix).toBe(Number(value));
  });

  test.each(['31', '129', '64.5', 'sixty-four', '-64'])('%s stops start-up naming the variable', (value) => {
    expect(() => parseConfig({ IPV6_CLIENT_PREFIX: value })).toThrow(ConfigError);
    expect(() => parseConfig({ IPV6_CLIENT_PREFIX: value })).toThrow(
      'IPV6_CLIENT_PREFIX must be a whole number from 32 to 128',
    );
  });
});
