/**
 * The kiosk's current language. Where it comes from, the first that says one winning
 * (`resolveLocale` in locale.ts; README.md has the why):
 * 1. the pick on the scan screen, for the session of whoever uses the phone: kept in sessionStorage, so
 *    it lasts through reloads, and wiped with the rest of the worker's data at sign-out;
 * 2. the kiosk's own language, chosen when a manager set the phone up as a kiosk (the device database);
 * 3. the default language of the kiosk's store, set in the console (sent with the kiosk's device view);
 * 4. the browser's language.
 * A phone that is no kiosk has only 1 and 4. After a sign-out the next person starts from 2, 3 or 4.
 */
import { englishMessages, type Messages } from './english';
import { DEFAULT_LOCALE, isLocale, resolveLocale, type Locale, type LocaleSources } from './locale';

/**
 * English, the default, loads with the kiosk; another language when it is first needed (the service
 * worker precaches it, so it loads offline too). Until it has loaded, the kiosk stays in English.
 */
export type MessageLoaders = Record<Exclude<Locale, 'en'>, () => Promise<Messages>>;

const loaders: MessageLoaders = {
  es: () => import('./spanish').then((module) => module.spanishMessages),
};

const STORAGE_KEY = 'shiftpass-locale';

/** What the language state needs from the browser; a test gives its own. */
export interface I18nHost {
  /** The browser's preferred languages, most preferred first. */
  preferredLanguages(): readonly string[];
  /** Where the session's pick is kept: sessionStorage, or null when storage is unavailable. */
  sessionStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Tells the page which language it is in (`<html lang>`). */
  showLanguage(locale: Locale): void;
}

const browserHost: I18nHost = {
  preferredLanguages: () => navigator.languages ?? [navigator.language],
  sessionStorage: () => {
    try {
      return sessionStorage;
    } catch {
      return null;
    }
  },
  showLanguage: (locale) => (document.documentElement.lang = locale),
};

/** The kiosk's own language and its store's default; both null on a phone that is no kiosk. */
export interface KioskLanguages {
  own: Locale | null;
  store: Locale | null;
}

export class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);
  #loaded = $state.raw<Partial<Record<Locale, Messages>>>({ en: englishMessages });
  readonly m: Messages = $derived(this.#loaded[this.locale] ?? englishMessages);
  #loading: Partial<Record<Locale, Promise<void>>> = {};
  #sources: LocaleSources = { pick: null, kiosk: null, store: null, browser: [] };
  readonly #host: I18nHost;
  readonly #loaders: MessageLoaders;

  constructor(host: I18nHost = browserHost, messageLoaders: MessageLoaders = loaders) {
    this.#host = host;
    this.#loaders = messageLoaders;
  }

  /** Called once in the browser: this session's pick (kept through a reload), and the browser's languages. */
  init(): void {
    this.#sources = { ...this.#sources, pick: this.#readPick(), browser: this.#host.preferredLanguages() };
    void this.#update();
  }

  /**
   * The phone is a kiosk (or no longer one): its own language and its store's default. Resolves once
   * the words of the language now shown are there (or could not be loaded), so a kiosk can wait for
   * them before its first screen.
   */
  useKiosk(languages: KioskLanguages): Promise<void> {
    this.#sources = { ...this.#sources, kiosk: languages.own, store: languages.store };
    return this.#update();
  }

  /** After a sign-out wipe: the pick goes with the worker; back to the kiosk's language. */
  reset(): void {
    this.#writePick(null);
    this.#sources = { ...this.#sources, pick: null, browser: this.#host.preferredLanguages() };
    void this.#update();
  }

  /** A pick on the scan screen: for this session only, reloads included. */
  choose(locale: Locale): void {
    this.#writePick(locale);
    this.#sources = { ...this.#sources, pick: locale };
    void this.#update();
  }

  #readPick(): Locale | null {
    try {
      const value = this.#host.sessionStorage()?.getItem(STORAGE_KEY);
      return isLocale(value) ? value : null;
    } catch {
      return null;
    }
  }

  #writePick(locale: Locale | null): void {
    try {
      const storage = this.#host.sessionStorage();
      if (locale) storage?.setItem(STORAGE_KEY, locale);
      else storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage unavailable: the pick lasts until reload.
    }
  }

  #update(): Promise<void> {
    const locale = resolveLocale(this.#sources);
    this.locale = locale;
    this.#host.showLanguage(locale);
    return this.#loadMessages(locale);
  }

  #loadMessages(locale: Locale): Promise<void> {
    if (locale === 'en' || this.#loaded[locale]) return Promise.resolve();
    const loading =
      this.#loading[locale] ??
      this.#loaders[locale]().then(
        (messages) => void (this.#loaded = { ...this.#loaded, [locale]: messages }),
        // Not loaded (offline before the cache was filled): English stays; the next change tries again.
        () => void delete this.#loading[locale],
      );
    this.#loading[locale] = loading;
    return loading;
  }
}

export const i18n = new I18n();
