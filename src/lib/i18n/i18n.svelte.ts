/**
 * The kiosk's current language: the browser's preference, or the one picked on the scan screen.
 * A pick is kept in sessionStorage, so it lasts through reloads while a worker uses the phone and is
 * wiped with everything else of theirs at sign-out; the next person starts from the phone's language.
 */
import { messagesFor, type Messages } from './catalogue';
import { DEFAULT_LOCALE, isLocale, pickLocale, type Locale } from './locale';

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
  readonly m: Messages = $derived(messagesFor(this.locale));

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
  }
}

export const i18n = new I18n();
