/**
 * The console's language: the admin's own pick (the switch in the console's navigation and on the
 * sign-in pages), kept in this browser's localStorage, else the browser's language, else English.
 * The console is one person's own browser, unlike the kiosk's shared phone (src/lib/i18n), so a pick
 * simply lasts. Both languages load with the console (it is not the kiosk's hot path).
 *
 * In a component: `const t = $derived(consoleI18n.m.people);` then `{t.title}`. Dates and numbers:
 * `consoleI18n.locale` as the Intl locale. The API words its errors in the page's language
 * (`<html lang>`, sent as Accept-Language by the API clients).
 */
import { isLocale, pickLocale, type Locale } from '$lib/i18n/locale';
import { consoleCatalogue, type ConsoleMessages } from './catalogue';

const STORAGE_KEY = 'shiftpass-console-locale';

/** What the language state needs from the browser; a test gives its own. */
export interface ConsoleLanguageHost {
  preferredLanguages(): readonly string[];
  storage(): Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Tells the page which language it is in (`<html lang>`). */
  showLanguage(locale: Locale): void;
  /** Calls `changed` whenever something else sets the page's language; returns the way to stop. */
  watchLanguage?(changed: (lang: string) => void): () => void;
}

const browserHost: ConsoleLanguageHost = {
  preferredLanguages: () => navigator.languages ?? [navigator.language],
  storage: () => {
    try {
      return localStorage;
    } catch {
      return null;
    }
  },
  showLanguage: (locale) => (document.documentElement.lang = locale),
  watchLanguage: (changed) => {
    const html = document.documentElement;
    const observer = new MutationObserver(() => changed(html.lang));
    observer.observe(html, { attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  },
};

export class ConsoleLanguage {
  locale = $state<Locale>('en');
  readonly m: ConsoleMessages = $derived(consoleCatalogue[this.locale]);
  readonly #host: ConsoleLanguageHost;

  constructor(host: ConsoleLanguageHost = browserHost) {
    this.#host = host;
  }

  /** Once in the browser, before the first console screen: the saved pick, else the browser's language. */
  init(): void {
    let saved: string | null = null;
    try {
      saved = this.#host.storage()?.getItem(STORAGE_KEY) ?? null;
    } catch {
      // No storage: the browser's language.
    }
    this.#show(isLocale(saved) ? saved : pickLocale(this.#host.preferredLanguages()));
  }

  /** The admin's pick: shown at once and remembered in this browser. */
  choose(locale: Locale): void {
    try {
      this.#host.storage()?.setItem(STORAGE_KEY, locale);
    } catch {
      // No storage: the pick lasts until the page is reloaded.
    }
    this.#show(locale);
  }

  /**
   * While a console page is shown, `<html lang>` stays the console's language: the root layout's
   * kiosk language state (src/lib/i18n) sets it too when it starts, after the console has. The page
   * calls this when it mounts and the returned function when it goes.
   */
  hold(): () => void {
    this.#host.showLanguage(this.locale);
    return (
      this.#host.watchLanguage?.((lang) => {
        if (lang !== this.locale) this.#host.showLanguage(this.locale);
      }) ?? (() => {})
    );
  }

  #show(locale: Locale): void {
    this.locale = locale;
    this.#host.showLanguage(locale);
  }
}

export const consoleI18n = new ConsoleLanguage();

// The console is rendered in the browser only; read the pick before the first screen.
if (typeof window !== 'undefined') consoleI18n.init();
