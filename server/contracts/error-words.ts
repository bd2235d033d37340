/**
 * Error messages in the caller's language. An ApiError carries `Words`: a message not yet worded,
 * which the app's error handler words in the language the request asked for (server/http/
 * error-language.ts) when it sends the answer. Services never see the request: they throw
 * `new ApiError(code, say.noSuchUser)` or `say.tokenNeedsScope(scope)`, and `say` finds the words
 * in the catalogue (error-text.ts, English, the reference; error-text-es.ts, Spanish, typed from it).
 */
import { KIOSK_LANGUAGES, type KioskLanguage } from './kiosk-languages.js';
import { errorText, type ErrorText, type PinRefusal } from './error-text.js';
import { MAX_PIN_LENGTH } from '../domain/pin-limits.js';
import { ERROR_CODE_TEXT_ES, errorTextEs } from './error-text-es.js';
import {
  ERRORS,
  Words,
  type ApiError,
  type ErrorBody,
  type ErrorCode,
  type ErrorLanguage,
} from './errors.js';

export { Words, type ErrorLanguage };

/** The languages error messages come in: the product's languages; English is the default. */
export const ERROR_LANGUAGES: readonly ErrorLanguage[] = KIOSK_LANGUAGES;
export const DEFAULT_ERROR_LANGUAGE: ErrorLanguage = 'en';
// errors.ts names the languages without importing (every layer uses it): the same list, or this fails.
const sameLanguages: [KioskLanguage] extends [ErrorLanguage]
  ? [ErrorLanguage] extends [KioskLanguage]
    ? true
    : never
  : never = true;
void sameLanguages;

/** A code's default sentence in `language`. */
export const codeText = (code: ErrorCode, language: ErrorLanguage): string =>
  language === 'es' ? ERROR_CODE_TEXT_ES[code] : ERRORS[code].message;

/** The error's body, its message and details worded in `language`. */
export const errorBodyIn = (error: ApiError, language: ErrorLanguage): ErrorBody =>
  error.bodyWith(error.words ? error.words.inLanguage(language) : codeText(error.code, language), language);

/** The same sentence, given for every language (rare: a place that has the words in hand). */
export const wordsOf = (byLanguage: Record<ErrorLanguage, string>): Words =>
  new Words((language) => byLanguage[language]);

/** A failed PIN check (server/domain/pin-rules.ts) as the catalogue's pinRule takes it. */
export const pinRefusal = (check: { rule: string; message: string }, minLength: number): PinRefusal => ({
  rule: check.rule,
  minLength,
  maxLength: MAX_PIN_LENGTH,
  english: check.message,
});

export const ERROR_TEXT: Record<ErrorLanguage, ErrorText> = { en: errorText, es: errorTextEs };

type Say = {
  [K in keyof ErrorText]: ErrorText[K] extends (...args: infer A) => string ? (...args: A) => Words : Words;
};

/** Every catalogue message as Words: `say.noSuchUser`, `say.tokenNeedsScope('users.read')`. */
export const say = Object.fromEntries(
  (Object.keys(errorText) as (keyof ErrorText)[]).map((key) => {
    const pick = (language: ErrorLanguage) =>
      ERROR_TEXT[language][key] as string | ((...a: unknown[]) => string);
    const words =
      typeof errorText[key] === 'function'
        ? (...args: unknown[]) =>
            new Words((language) => (pick(language) as (...a: unknown[]) => string)(...args))
        : new Words((language) => pick(language) as string);
    return [key, words];
  }),
) as Say;
