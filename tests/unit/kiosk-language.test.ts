/**
 * Which language the kiosk shows (src/lib/i18n/README.md): the worker's pick for their session, else
 * the kiosk's own, else its store's, else the browser's — the rule, and the state that follows it
 * through picks, reloads and sign-outs.
 */
import { describe, expect, test } from 'vitest';
import { englishMessages, type Messages } from '../../src/lib/i18n/english.js';
import { I18n, type I18nHost } from '../../src/lib/i18n/i18n.svelte.js';
import { resolveLocale, type Locale } from '../../src/lib/i18n/locale.js';
import { spanishMessages } from '../../src/lib/i18n/spanish.js';

describe('resolveLocale', () => {
  const none = { pick: null, kiosk: null, store: null, browser: [] };

  test('the worker’s pick beats the kiosk’s own language, the store’s and the browser’s', () => {
    expect(resolveLocale({ pick: 'en', kiosk: 'es', store: 'es', browser: ['es-MX'] })).toBe('en');
  });

  test('without a pick, the kiosk’s own language beats its store’s and the browser’s', () => {
    expect(resolveLocale({ ...none, kiosk: 'es', store: 'en', browser: ['en-US'] })).toBe('es');
  });

  test('without a pick or a kiosk language, the store’s beats the browser’s', () => {
    expect(resolveLocale({ ...none, store: 'es', browser: ['en-US'] })).toBe('es');
  });

  test('otherwise the first browser language the kiosk speaks, else English', () => {
    expect(resolveLocale({ ...none, browser: ['fr-FR', 'es-AR', 'en'] })).toBe('es');
    expect(resolveLocale({ ...none, browser: ['fr-FR'] })).toBe('en');
    expect(resolveLocale(none)).toBe('en');
  });
});

/** A browser tab: its languages, its sessionStorage (kept across a reload), its <html lang>. */
function tab(languages: string[], session = new Map<string, string>()) {
  const shown: string[] = [];
  const host: I18nHost = {
    preferredLanguages: () => languages,
    sessionStorage: () => ({
      getItem: (key) => session.get(key) ?? null,
      setItem: (key, value) => void session.set(key, value),
      removeItem: (key) => void session.delete(key),
    }),
    showLanguage: (locale) => void shown.push(locale),
  };
  let loads = 0;
  const i18n = new I18n(host, {
    es: () => {
      loads += 1;
      return Promise.resolve(spanishMessages as unknown as Messages);
    },
  });
  return { i18n, session, shown, loads: () => loads };
}

const kioskOf = (own: Locale | null, store: Locale | null = null) => ({ own, store });

describe('the kiosk’s language state (I18n)', () => {
  test('a Spanish kiosk on an English phone shows Spanish once its words have loaded', async () => {
    const { i18n, shown } = tab(['en-US']);
    i18n.init();
    expect(i18n.locale).toBe('en');
    await i18n.useKiosk(kioskOf('es'));
    expect(i18n.locale).toBe('es');
    expect(i18n.m.scan.title).toBe('Escanee su credencial');
    expect(shown.at(-1)).toBe('es');
  });

  test('a worker’s pick lasts through a reload; the sign-out takes it away and the kiosk’s language returns', async () => {
    const first = tab(['en-US']);
    first.i18n.init();
    await first.i18n.useKiosk(kioskOf('es'));
    first.i18n.choose('en');
    expect(first.i18n.locale).toBe('en');
    expect(first.i18n.m).toBe(englishMessages);

    // A reload: a new page in the same tab, whose sessionStorage still holds the pick.
    const reloaded = tab(['en-US'], first.session);
    reloaded.i18n.init();
    await reloaded.i18n.useKiosk(kioskOf('es'));
    expect(reloaded.i18n.locale).toBe('en');

    reloaded.i18n.reset();
    expect(reloaded.i18n.locale).toBe('es');
    expect(reloaded.session.size).toBe(0);
  });

  test('a store’s default applies when the kiosk has none; on a phone that is no kiosk the browser’s language returns after a sign-out', async () => {
    const { i18n } = tab(['en-US']);
    i18n.init();
    await i18n.useKiosk(kioskOf(null, 'es'));
    expect(i18n.locale).toBe('es');

    await i18n.useKiosk(kioskOf(null, null));
    i18n.choose('es');
    expect(i18n.locale).toBe('es');
    i18n.reset();
    expect(i18n.locale).toBe('en');
  });

  test('the order of start-up does not matter: a kiosk language known before init still wins over the browser', async () => {
    const { i18n } = tab(['en-US']);
    await i18n.useKiosk(kioskOf('es'));
    i18n.init();
    expect(i18n.locale).toBe('es');
  });

  test('Spanish is fetched once however often it is needed', async () => {
    const { i18n, loads } = tab(['es-ES']);
    i18n.init();
    await i18n.useKiosk(kioskOf('es'));
    i18n.choose('en');
    i18n.choose('es');
    i18n.reset();
    expect(loads()).toBe(1);
  });
});
