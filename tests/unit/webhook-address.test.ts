/**
 * Where webhooks may go (server/domain/webhook-address.ts): the URL's shape, which addresses are not
 * on the public internet (in every form an address can take), the installation's allow list, and a
 * host resolving to several addresses.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../server/config.js';
import { parseIpAddress, type IpAddress } from '../../server/domain/ip-address.js';
import {
  addressAllowed,
  classifyAddress,
  EMPTY_ALLOW_LIST,
  parseWebhookAllowList,
  parseWebhookUrl,
  pickAllowedAddress,
} from '../../server/domain/webhook-address.js';

const ip = (text: string): IpAddress => {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed;
};

const v4 = (a: number, b: number, c: number, d: number) => `${a}.${b}.${c}.${d}`;
const octet = fc.integer({ min: 0, max: 255 });

describe('parseWebhookUrl', () => {
  test.each([
    ['https://siem.example.com/hook', 'siem.example.com'],
    ['https://SIEM.Example.com:8443/a?b=c', 'siem.example.com'],
    ['https://siem.example.com./hook', 'siem.example.com'],
    ['https://[2001:db8::1]/hook', '2001:db8::1'],
    ['https://10.0.0.1/hook', '10.0.0.1'],
  ])('accepts %s (host %s)', (url, host) => {
    const parsed = parseWebhookUrl(url);
    expect(parsed.ok && parsed.host).toBe(host);
  });

  test.each([
    ['http://siem.example.com/hook', 'not_https'],
    ['HTTP://siem.example.com/hook', 'not_https'],
    ['ftp://siem.example.com/hook', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['siem.example.com', 'invalid'],
    ['', 'invalid'],
    [' https://siem.example.com', 'invalid'],
    ['https://user@siem.example.com/', 'invalid'],
    ['https://user:pw@siem.example.com/', 'invalid'],
    ['https://siem.example.com/#', 'invalid'],
    ['https://siem.example.com/#x', 'invalid'],
  ])('refuses %j as %s', (url, problem) => {
    expect(parseWebhookUrl(url)).toEqual({ ok: false, problem });
  });

  test('refuses an address longer than 2000 characters', () => {
    const base = 'https://siem.example.com/';
    expect(parseWebhookUrl(base + 'a'.repeat(2000 - base.length)).ok).toBe(true);
    expect(parseWebhookUrl(base + 'a'.repeat(2001 - base.length))).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('classifyAddress', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['fe80::1', 'link_local'],
    ['febf::1', 'link_local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    // The same addresses hidden in IPv6 forms.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:a9fe:a9fe', 'link_local'],
    ['64:ff9b::10.0.0.5', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:a00:5::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['::127.0.0.1', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(ip(address))).toBe(kind);
  });

  test.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (address) => {
    expect(classifyAddress(ip(address))).toBeNull();
  });

  test('every address in 10/8, 172.16/12, 192.168/16, 127/8, 169.254/16 and 100.64/10 is refused, in IPv4 and IPv4-mapped form', () => {
    const refusedV4 = fc.oneof(
      fc.tuple(fc.constant(10), octet, octet, octet),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
      fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
      fc.tuple(fc.constant(127), octet, octet, octet),
      fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
      fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet),
    );
    fc.assert(
      fc.property(refusedV4, ([a, b, c, d]) => {
        const text = v4(a, b, c, d);
        expect(classifyAddress(ip(text))).not.toBeNull();
        expect(classifyAddress(ip(`::ffff:${text}`))).not.toBeNull();
        expect(classifyAddress(ip(`64:ff9b::${text}`))).not.toBeNull();
        expect(addressAllowed('h.example', ip(text), EMPTY_ALLOW_LIST)).toBe(false);
      }),
    );
  });

  test('an IPv4 address and its mapped IPv6 form are always judged alike', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        const text = v4(a, b, c, d);
        expect(classifyAddress(ip(`::ffff:${text}`))).toBe(classifyAddress(ip(text)));
      }),
    );
  });

  test('every address in fc00::/7, fe80::/10 and ff00::/8 is refused', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0xfc00, max: 0xfdff }),
          fc.integer({ min: 0xfe80, max: 0xfebf }),
          fc.integer({ min: 0xff00, max: 0xffff }),
        ),
        fc.array(group, { minLength: 7, maxLength: 7 }),
        (first, rest) => {
          expect(classifyAddress(ip([first.toString(16), ...rest].join(':')))).not.toBeNull();
        },
      ),
    );
  });
});

describe('the allow list (SHIFTPASS_WEBHOOK_ALLOWED_HOSTS)', () => {
  test('parses host names and ranges; anything else is named as invalid', () => {
    const { list, invalid } = parseWebhookAllowList(
      ' SIEM.internal , 10.20.0.0/16,::1, [fd00::7], bad_host!, 10.0.0.1/8',
    );
    expect(list.hosts).toEqual(['siem.internal']);
    expect(list.ranges).toHaveLength(3);
    expect(invalid).toEqual(['bad_host!', '10.0.0.1/8']);
    expect(parseWebhookAllowList('')).toEqual({ list: { hosts: [], ranges: [] }, invalid: [] });
  });

  test('a listed host may reach private addresses; a listed range lets any host reach it; loopback only when listed', () => {
    const { list } = parseWebhookAllowList('siem.internal,10.20.0.0/16');
    expect(addressAllowed('siem.internal', ip('10.99.0.1'), list)).toBe(true);
    expect(addressAllowed('SIEM.internal.', ip('127.0.0.1'), list)).toBe(true);
    expect(addressAllowed('other.internal', ip('10.20.3.4'), list)).toBe(true);
    expect(addressAllowed('other.internal', ip('::ffff:10.20.3.4'), list)).toBe(true);
    expect(addressAllowed('other.internal', ip('10.21.0.1'), list)).toBe(false);
    expect(addressAllowed('other.internal', ip('127.0.0.1'), list)).toBe(false);
    expect(addressAllowed('x', ip('127.0.0.1'), parseWebhookAllowList('127.0.0.1').list)).toBe(true);
  });

  test('never the unspecified address or multicast, whatever is listed', () => {
    const { list } = parseWebhookAllowList('0.0.0.0/0,::/0,any.internal');
    expect(addressAllowed('any.internal', ip('0.0.0.0'), list)).toBe(false);
    expect(addressAllowed('any.internal', ip('224.0.0.1'), list)).toBe(false);
    expect(addressAllowed('any.internal', ip('::'), list)).toBe(false);
    expect(addressAllowed('any.internal', ip('10.0.0.1'), list)).toBe(true);
  });
});

describe('pickAllowedAddress', () => {
  test('the first address when all are allowed; null when any one is not, or none resolved', () => {
    expect(pickAllowedAddress('h', ['93.184.216.34', '2606:4700::1'], EMPTY_ALLOW_LIST)).toBe(
      '93.184.216.34',
    );
    expect(pickAllowedAddress('h', ['93.184.216.34', '10.0.0.1'], EMPTY_ALLOW_LIST)).toBeNull();
    expect(pickAllowedAddress('h', ['not-an-address'], EMPTY_ALLOW_LIST)).toBeNull();
    expect(pickAllowedAddress('h', [], EMPTY_ALLOW_LIST)).toBeNull();
  });

  test('any list holding a refused address is refused, wherever it is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('93.184.216.34', '8.8.8.8', '2606:4700::1'), { maxLength: 4 }),
        fc.constantFrom('127.0.0.1', '10.0.0.5', '169.254.169.254', '::1', '::ffff:192.168.0.1', 'fe80::1'),
        fc.nat(),
        (publicOnes, refused, at) => {
          const list: string[] = [...publicOnes];
          list.splice(at % (list.length + 1), 0, refused);
          expect(pickAllowedAddress('h.example', list, EMPTY_ALLOW_LIST)).toBeNull();
        },
      ),
    );
  });
});

describe('SHIFTPASS_WEBHOOK_ALLOWED_HOSTS in the configuration', () => {
  test('is parsed once at start-up; an entry that is neither a host name nor a range stops it, named', () => {
    expect(parseConfig({}).webhookAllowList).toEqual({ hosts: [], ranges: [] });
    const { webhookAllowList } = parseConfig({
      SHIFTPASS_WEBHOOK_ALLOWED_HOSTS: 'siem.internal, 10.20.0.0/16',
    });
    expect(webhookAllowList.hosts).toEqual(['siem.internal']);
    expect(webhookAllowList.ranges).toHaveLength(1);
    expect(() => parseConfig({ SHIFTPASS_WEBHOOK_ALLOWED_HOSTS: 'siem.internal, 10.0.0.1/8' })).toThrow(
      /^SHIFTPASS_WEBHOOK_ALLOWED_HOSTS must be a comma-separated list .*'10\.0\.0\.1\/8' is neither/,
    );
  });
});
