import { describe, expect, test } from 'vitest';
import { isMobileClient } from '../../server/domain/mobile-client.js';

// Real User-Agent strings as the browsers send them (Chromium's reduced form where it applies).
const UA = {
  chromeAndroidPhone:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  chromeAndroidTablet:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0',
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};

describe('isMobileClient', () => {
  test('a phone that says so in its client hint is mobile, whatever its User-Agent', () => {
    expect(isMobileClient({ userAgent: UA.chromeWindows, mobileHint: '?1' })).toBe(true);
  });

  test('an Android tablet (hint ?0, platform "Android") is mobile', () => {
    expect(
      isMobileClient({ userAgent: UA.chromeAndroidTablet, mobileHint: '?0', platformHint: '"Android"' }),
    ).toBe(true);
  });

  test('phones are recognised by their User-Agent when no hint is sent (Safari, Firefox)', () => {
    expect(isMobileClient({ userAgent: UA.safariIphone })).toBe(true);
    expect(isMobileClient({ userAgent: UA.firefoxAndroid })).toBe(true);
    expect(isMobileClient({ userAgent: UA.chromeAndroidPhone })).toBe(true);
  });

  test('desktop browsers are not mobile', () => {
    expect(isMobileClient({ userAgent: UA.chromeWindows, mobileHint: '?0', platformHint: '"Windows"' })).toBe(
      false,
    );
    expect(isMobileClient({ userAgent: UA.safariMac })).toBe(false);
    expect(isMobileClient({ userAgent: UA.firefoxLinux })).toBe(false);
  });

  test('no User-Agent and no hint is not mobile', () => {
    expect(isMobileClient({ userAgent: null })).toBe(false);
    expect(isMobileClient({ userAgent: '' })).toBe(false);
  });

  test('a desktop hint does not overrule a mobile User-Agent (iOS sends no hints; a proxy may add ?0)', () => {
    expect(isMobileClient({ userAgent: UA.safariIphone, mobileHint: '?0' })).toBe(true);
  });
});
