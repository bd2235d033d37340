/**
 * The console's languages: every area of the catalogue has the same keys and message kinds in every
 * language (TypeScript checks the shapes; this also catches an English word left in a Spanish area's
 * place by copying), and the language state picks, shows and remembers a language as the admin expects.
 */
import { describe, expect, test } from 'vitest';
import { consoleCatalogue } from '../../src/lib/admin/i18n/catalogue';
import { ConsoleLanguage, type ConsoleLanguageHost } from '../../src/lib/admin/i18n/console-i18n.svelte';
import type { Locale } from '../../src/lib/i18n/locale';

/** Every leaf of a catalogue area as `path: kind`, a function's kind with its parameter count. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (typeof value === 'string') return [`${path}: string`];
  if (Array.isArray(value)) return value.flatMap((item, i) => shape(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .flatMap((key) => shape((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  }
  return [`${path}: ${typeof value}`];
}

/** Strings that read the same in both languages without being a mistake: names, codes, symbols. */
const SAME_IN_BOTH = /^(Shiftpass.*|[A-Z0-9 _.:/()–-]*|\s*|.{0,3}|[^a-zA-Z]*)$/;
/** Words spelt the same in English and Spanish. Add one only when it truly is the Spanish word. */
const SAME_WORDS = new Set([
  'Token',
  'Tokens',
  'Total',
  'Normal',
  'General',
  'Local',
  'Error',
  'Email',
  'Webhooks',
]);

describe('the console catalogue', () => {
  test('Spanish has exactly the areas, keys and message kinds of English', () => {
    expect(Object.keys(consoleCatalogue.es).sort()).toEqual(Object.keys(consoleCatalogue.en).sort());
    for (const area of Object.keys(consoleCatalogue.en) as (keyof typeof consoleCatalogue.en)[]) {
      expect(shape(consoleCatalogue.es[area]), area).toEqual(shape(consoleCatalogue.en[area]));
    }
  });

  test('no Spanish sentence is the English one left in place', () => {
    const copies: string[] = [];
    const walk = (en: unknown, es: unknown, path: string) => {
      if (typeof en === 'string') {
        if (en === es && !SAME_IN_BOTH.test(en) && !SAME_WORDS.has(en)) copies.push(`${path}: ${en}`);
      } else if (en && typeof en === 'object' && es && typeof es === 'object') {
        for (const key of Object.keys(en)) {
          walk((en as Record<string, unknown>)[key], (es as Record<string, unknown>)[key], `${path}.${key}`);
        }
      }
    };
    walk(consoleCatalogue.en, consoleCatalogue.es, 'console');
    expect(copies).toEqual([]);
  });
});

function host(preferred: string[], saved: string | null = null) {
  const store = new Map<string, string>(saved ? [['shiftpass-console-locale', saved]] : []);
  const shown: Locale[] = [];
  const h: ConsoleLanguageHost = {
    preferredLanguages: () => preferred,
    storage: () => ({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) }),
    showLanguage: (locale) => void shown.push(locale),
  };
  return { h, store, shown };
}

describe('the console language', () => {
  test('starts in the browser language it speaks, else English', () => {
    const spanish = new ConsoleLanguage(host(['es-MX', 'en']).h);
    spanish.init();
    expect(spanish.locale).toBe('es');
    expect(spanish.m.languageSwitch.label).toBe('Idioma');

    const other = new ConsoleLanguage(host(['de-DE', 'fr']).h);
    other.init();
    expect(other.locale).toBe('en');
  });

  test('a pick is shown at once, tells the page its language and is remembered in this browser', () => {
    const { h, store, shown } = host(['en-GB']);
    const language = new ConsoleLanguage(h);
    language.init();
    language.choose('es');
    expect(language.m.shell.menu).toBe('Menú');
    expect(shown.at(-1)).toBe('es');
    expect(store.get('shiftpass-console-locale')).toBe('es');

    const nextVisit = new ConsoleLanguage(h);
    nextVisit.init();
    expect(nextVisit.locale).toBe('es');
  });

  test('a saved value that is no language is ignored; no storage still lets the admin pick', () => {
    const bad = new ConsoleLanguage(host(['en'], 'klingon').h);
    bad.init();
    expect(bad.locale).toBe('en');

    const noStorage = new ConsoleLanguage({
      preferredLanguages: () => ['es'],
      storage: () => null,
      showLanguage: () => {},
    });
    noStorage.init();
    noStorage.choose('en');
    expect(noStorage.locale).toBe('en');
  });
});

describe('the page language while a console page is shown', () => {
  test('held: another setter of <html lang> is answered with the console language until released', () => {
    let lang = 'en';
    let watcher: ((lang: string) => void) | null = null;
    const language = new ConsoleLanguage({
      preferredLanguages: () => ['es'],
      storage: () => null,
      showLanguage: (locale) => void (lang = locale),
      watchLanguage: (changed) => {
        watcher = changed;
        return () => void (watcher = null);
      },
    });
    language.init();
    const release = language.hold();
    lang = 'en';
    watcher!(lang);
    expect(lang).toBe('es');
    release();
    expect(watcher).toBeNull();
  });
});
