import { describe, expect, test } from 'vitest';
import { readLinkToken } from '../../src/lib/link-token.js';

describe('readLinkToken', () => {
  test('a token as the server makes it is read whole', () => {
    const token = 'ZcMj3p6hTRdENFoxe39Y-DwTSg8xvZdKA-t1xNTAbHk';
    expect(readLinkToken(`#${token}`)).toEqual({ kind: 'token', token });
  });

  test('no fragment, or an empty one, is no token', () => {
    expect(readLinkToken('')).toEqual({ kind: 'none' });
    expect(readLinkToken('#')).toEqual({ kind: 'none' });
  });

  test('a malformed percent sequence (#%E0%A4%A) is a damaged link, not an exception', () => {
    expect(readLinkToken('#%E0%A4%A')).toEqual({ kind: 'damaged' });
    expect(readLinkToken('#abc%')).toEqual({ kind: 'damaged' });
  });

  test('characters a token never has, or far too many, make a damaged link', () => {
    expect(readLinkToken('#abc def')).toEqual({ kind: 'damaged' });
    expect(readLinkToken('#%3Cscript%3E')).toEqual({ kind: 'damaged' });
    expect(readLinkToken(`#${'a'.repeat(129)}`)).toEqual({ kind: 'damaged' });
  });
});
