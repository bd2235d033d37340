import { describe, expect, test } from 'vitest';
import { pageCacheControl } from '../../src/lib/page-cache.js';

describe('pageCacheControl', () => {
  test.each(['/admin', '/admin/login', '/admin/people/u1', '/admin/invitation', '/manager/kiosk', '/setup'])(
    'console page %s is never stored',
    (path) => expect(pageCacheControl(path)).toBe('no-store'),
  );

  test.each(['/', '/?oidc=abc', '/administrator', '/setup-guide'])(
    'the kiosk shell (and look-alike paths) %s may be kept but is asked for again',
    (path) => expect(pageCacheControl(path.split('?')[0]!)).toBe('no-cache'),
  );
});
