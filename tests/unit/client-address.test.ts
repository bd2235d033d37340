/** Which address a sign-in came from: X-Forwarded-For believed only through trusted proxies. */
import { describe, expect, test } from 'vitest';
import {
  clientAddressOf,
  MAX_FORWARDED_HOPS,
  parseForwardedEntry,
  type ClientAddress,
} from '../../server/domain/client-address.js';
import { parseCidrList, parseIpAddress } from '../../server/domain/ip-address.js';

// The load balancer lives in 10.0.0.0/24, an internal proxy tier in 172.16.0.0/12 and 2001:db8:ff::/48.
const { ranges: trustedProxies } = parseCidrList(['10.0.0.0/24', '172.16.0.0/12', '2001:db8:ff::/48']);

interface Row {
  name: string;
  socket: string | null;
  xff?: string | string[] | null;
  trusted?: boolean;
  expected: ClientAddress;
}

const rows: Row[] = [
  {
    name: 'no proxy: the socket address is the client',
    socket: '203.0.113.9',
    expected: { address: '203.0.113.9', source: 'socket' },
  },
  {
    name: 'SPOOF: an untrusted peer sends X-Forwarded-For — ignored',
    socket: '203.0.113.9',
    xff: '10.0.0.50',
    expected: { address: '203.0.113.9', source: 'socket' },
  },
  {
    name: 'SPOOF: an untrusted peer claims a store address in a long header — ignored',
    socket: '198.51.100.7',
    xff: '192.168.1.20, 10.0.0.5',
    expected: { address: '198.51.100.7', source: 'socket' },
  },
  {
    name: 'trusted proxy: the entry it appended is the client',
    socket: '10.0.0.5',
    xff: '203.0.113.9',
    expected: { address: '203.0.113.9', source: 'forwardedFor' },
  },
  {
    name: 'SPOOF: the client prepends a fake entry — the right-most untrusted entry wins',
    socket: '10.0.0.5',
    xff: '192.168.1.20, 203.0.113.9',
    expected: { address: '203.0.113.9', source: 'forwardedFor' },
  },
  {
    name: 'SPOOF: the client prepends a trusted-looking proxy address — still not taken',
    socket: '10.0.0.5',
    xff: '10.0.0.6, 203.0.113.9',
    expected: { address: '203.0.113.9', source: 'forwardedFor' },
  },
  {
    name: 'two trusted proxies: skipped from the right',
    socket: '10.0.0.5',
    xff: '203.0.113.9, 172.16.4.4',
    expected: { address: '203.0.113.9', source: 'forwardedFor' },
  },
  {
    name: 'several X-Forwarded-For headers read as one list, in order',
    socket: '10.0.0.5',
    xff: ['192.168.1.20, 203.0.113.9', '172.16.4.4'],
    expected: { address: '203.0.113.9', source: 'forwardedFor' },
  },
  {
    name: 'trusted peer, no header: the peer itself',
    socket: '10.0.0.5',
    xff: null,
    expected: { address: '10.0.0.5', source: 'socket' },
  },
  {
    name: 'trusted peer, empty header: malformed, stays at the peer',
    socket: '10.0.0.5',
    xff: '',
    expected: { address: '10.0.0.5', source: 'socket' },
  },
  {
    name: 'malformed right-most entry: stays at the peer, never looks past it',
    socket: '10.0.0.5',
    xff: '203.0.113.9, not-an-ip',
    expected: { address: '10.0.0.5', source: 'socket' },
  },
  {
    name: 'malformed entry after a trusted hop: stays at that trusted hop',
    socket: '10.0.0.5',
    xff: '203.0.113.9, garbage, 172.16.4.4',
    expected: { address: '172.16.4.4', source: 'forwardedFor' },
  },
  {
    name: 'empty entry (",,") ends the walk too',
    socket: '10.0.0.5',
    xff: '203.0.113.9,,172.16.4.4',
    expected: { address: '172.16.4.4', source: 'forwardedFor' },
  },
  {
    name: 'zone id in an entry is malformed',
    socket: '10.0.0.5',
    xff: 'fe80::1%eth0',
    expected: { address: '10.0.0.5', source: 'socket' },
  },
  {
    name: 'all entries trusted: the left-most proxy',
    socket: '10.0.0.5',
    xff: '172.16.0.1, 10.0.0.7',
    expected: { address: '172.16.0.1', source: 'forwardedFor' },
  },
  {
    name: 'dual-stack socket: ::ffff:10.0.0.5 is the trusted 10.0.0.5',
    socket: '::ffff:10.0.0.5',
    xff: '203.0.113.9',
    expected: { address: '203.0.113.9', source: 'forwardedFor' },
  },
  {
    name: 'mapped client address comes back as plain IPv4',
    socket: '::ffff:203.0.113.9',
    expected: { address: '203.0.113.9', source: 'socket' },
  },
  {
    name: 'IPv6 proxy and client, canonical text',
    socket: '2001:db8:ff::2',
    xff: '2001:DB8:0:0::42',
    expected: { address: '2001:db8::42', source: 'forwardedFor' },
  },
  {
    name: 'entries with ports, as some proxies write them',
    socket: '10.0.0.5',
    xff: '[2001:db8::42]:51234, 203.0.113.9:443',
    expected: { address: '203.0.113.9', source: 'forwardedFor' },
  },
  {
    name: 'no trusted proxies configured: header never believed',
    socket: '10.0.0.5',
    xff: '203.0.113.9',
    trusted: false,
    expected: { address: '10.0.0.5', source: 'socket' },
  },
  {
    name: 'no socket address: unknown',
    socket: null,
    xff: '203.0.113.9',
    expected: { address: null, source: 'none' },
  },
  {
    name: 'unreadable socket address: unknown (header not believed)',
    socket: 'unix:/tmp/socket',
    xff: '203.0.113.9',
    expected: { address: null, source: 'none' },
  },
];

describe('clientAddressOf', () => {
  test.each(rows)('$name', ({ socket, xff, trusted, expected }) => {
    expect(
      clientAddressOf({
        socketAddress: socket,
        forwardedFor: xff,
        trustedProxies: trusted === false ? [] : trustedProxies,
      }),
    ).toEqual(expected);
  });

  test(`a chain of trusted proxies longer than ${MAX_FORWARDED_HOPS} stops at the last hop examined`, () => {
    const proxies = Array.from({ length: MAX_FORWARDED_HOPS + 5 }, (_, i) => `172.16.0.${i + 1}`);
    const xff = ['203.0.113.9', ...proxies].join(', ');
    const result = clientAddressOf({ socketAddress: '10.0.0.5', forwardedFor: xff, trustedProxies });
    expect(result).toEqual({ address: `172.16.0.${5 + 1}`, source: 'forwardedFor' });
  });
});

describe('parseForwardedEntry', () => {
  test.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9 ', '203.0.113.9'],
    ['203.0.113.9:8080', '203.0.113.9'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('%j reads as %s', (entry, address) => {
    expect(parseForwardedEntry(entry)).toEqual(parseIpAddress(address));
  });

  test.each(['unknown', '_hidden', '203.0.113.9:', '[2001:db8::1', '203.0.113.9:123456', ''])(
    'refuses %j',
    (entry) => {
      expect(parseForwardedEntry(entry)).toBeNull();
    },
  );
});
