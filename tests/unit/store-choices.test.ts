/** The choices of a store's form (time zones, kiosk languages) and the Stores list's API query. */
import { describe, expect, test } from 'vitest';
import { apiListParams, readListQuery } from '../../src/lib/admin/list-query';
import {
  fromChoice,
  kioskLanguageOptions,
  NO_CHOICE,
  timeZoneOptions,
  toChoice,
} from '../../src/lib/admin/store-choices';
import { filterOptions } from '../../src/lib/ui/options';

describe('time zones', () => {
  const zones = ['America/New_York', 'Europe/Lisbon', 'Europe/Madrid'];

  test('"none" comes first, and a city typed with a space finds its zone', () => {
    const options = timeZoneOptions(zones, '', 'No time zone');
    expect(options[0]).toEqual({ value: NO_CHOICE, label: 'No time zone' });
    expect(filterOptions(options, 'new york').map((o) => o.value)).toEqual(['America/New_York']);
    expect(filterOptions(options, 'lisbon').map((o) => o.value)).toEqual(['Europe/Lisbon']);
  });

  test('a store’s zone this browser does not list is kept as a choice', () => {
    const options = timeZoneOptions(zones, 'Etc/GMT+3', 'None');
    expect(options.map((o) => o.value)).toContain('Etc/GMT+3');
  });

  test('"none" is the empty value in the form and back', () => {
    expect(toChoice('')).toBe(NO_CHOICE);
    expect(fromChoice(NO_CHOICE)).toBe('');
    expect(fromChoice(toChoice('Europe/Lisbon'))).toBe('Europe/Lisbon');
  });
});

test('kiosk languages: each phone’s own first, then every kiosk language in the page’s words', () => {
  expect(kioskLanguageOptions('Each phone’s own language', { en: 'English', es: 'Spanish' })).toEqual([
    { value: NO_CHOICE, label: 'Each phone’s own language' },
    { value: 'en', label: 'English' },
    { value: 'es', label: 'Spanish' },
  ]);
});

test('the list’s API query for the typed client: the search, the limit, the current page’s cursor', () => {
  expect(apiListParams(readListQuery(new URLSearchParams(''), ['search']), 25)).toEqual({ limit: '25' });
  expect(apiListParams(readListQuery(new URLSearchParams('search=+lis+&pages=a.b'), ['search']), 25)).toEqual(
    {
      search: 'lis',
      limit: '25',
      cursor: 'b',
    },
  );
});
