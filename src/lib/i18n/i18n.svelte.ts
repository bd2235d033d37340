/**
 * The kiosk's current language: the browser's preference, or the one picked on the scan screen.
 * A pick is kept in sessionStorage, so it lasts through reloads while a worker uses the phone and is
 * wiped with everything else of theirs at sign-out; the next person starts from the phone's language.
 */
import { englishMessages, type Messages } from './english';
import { DEFAULT_LOCALE, isLocale, pickLocale, type Locale } from './locale';

/**
 * English, the default, loads with the kiosk; another language when it is first picked (the service
 * worker precaches it, so it loads offline too). Until it has loaded, the kiosk stays in English.
 */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  es: () => import('./spanish').then((module) => module.spanishMessages),
};

const STORAGE_KEY = 'shiftpass-locale';

function readPick(): Locale | null {
  try {
    const value = sessionStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);
  #loaded = $state.raw<Partial<Record<Locale, Messages>>>({ en: englishMessages });
  readonly m: Messages = $derived(this.#loaded[this.locale] ?? englishMessages);

  /** Called once in the browser: the picked language, else the browser's. */
  init(): void {
    this.#apply(readPick() ?? pickLocale(navigator.languages ?? [navigator.language]));
  }

  /** After a sign-out wipe: back to the browser's language. */
  reset(): void {
    this.#apply(pickLocale(navigator.languages ?? [navigator.language]));
  }

  choose(locale: Locale): void {
    try {
      sessionStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage unavailable: the choice lasts until reload.
    }
    this.#apply(locale);
  }

  #apply(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
    if (locale !== 'en' && !this.#loaded[locale]) {
      loaders[locale]().then(
        (messages) => (this.#loaded = { ...this.#loaded, [locale]: messages }),
        // Not loaded (offline before the cache was filled): English stays; a later pick tries again.
        () => undefined,
      );
    }
  }
}

export const i18n = new I18n();
