/** Log and report pages, forwards and back; the filters' time range and the report's days as typed. */
import { describe, expect, test } from 'vitest';
import { readWithinDays } from '../../src/lib/admin/expiry-query';
import { readTimes } from '../../src/lib/admin/log-filters';
import { LogPages } from '../../src/lib/admin/log-pages.svelte';

const words = { badTime: 'Enter a date and time.', toBeforeFrom: 'Choose a time after “From”.' };

describe('log pages', () => {
  test('Next remembers where it came from; Previous goes back to it, then to the first page', () => {
    const pages = new LogPages();
    expect(pages.number).toBe(1);
    expect(pages.next('', 'c2')).toBe('c2');
    expect(pages.next('c2', 'c3')).toBe('c3');
    expect(pages.number).toBe(3);
    expect(pages.previous()).toBe('c2');
    expect(pages.previous()).toBe('');
    expect(pages.number).toBe(1);
    expect(pages.previous()).toBe('');
  });

  test('new filters start again at page 1', () => {
    const pages = new LogPages();
    pages.next('', 'c2');
    pages.reset();
    expect(pages.number).toBe(1);
  });
});

describe('the time range', () => {
  test('empty is no limit; local times become instants', () => {
    expect(readTimes('', '', words)).toEqual({ ok: true, from: '', to: '' });
    const read = readTimes('2026-03-01T10:00', '', words);
    expect(read.ok && Date.parse(read.from)).toBe(new Date(2026, 2, 1, 10, 0).getTime());
  });

  test('an end before the start, or a time that is not one, is refused in words', () => {
    expect(readTimes('2026-03-02T10:00', '2026-03-01T10:00', words)).toEqual({
      ok: false,
      errors: { to: words.toBeforeFrom },
    });
    expect(readTimes('2026-02-31T10:00', '', words)).toEqual({ ok: false, errors: { from: words.badTime } });
  });
});

test('the report’s days: a whole number from 1 to 395', () => {
  expect(readWithinDays(' 30 ')).toBe(30);
  expect(readWithinDays('395')).toBe(395);
  for (const bad of ['0', '396', '1.5', 'abc', '', '-3']) expect(readWithinDays(bad)).toBeNull();
});
