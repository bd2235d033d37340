/**
 * The language an answer's error message is worded in: the first of the request's Accept-Language
 * (in its q order) that the product speaks (English, Spanish; a regional tag such as es-ES or es-419
 * counts as its language), English when none is. The console and kiosk send the page's language.
 * Parsing is Hono's (hono/language, the header parser its languageDetector uses), not ours.
 */
import type { Context } from 'hono';
import { detectFromHeader } from 'hono/language';
import { DEFAULT_ERROR_LANGUAGE, ERROR_LANGUAGES, type ErrorLanguage } from '../contracts/error-words.js';

const DETECTION = {
  order: ['header' as const],
  lookupQueryString: 'lang',
  lookupCookie: 'language',
  lookupFromPathIndex: 0,
  lookupFromHeaderKey: 'accept-language',
  caches: false as const,
  ignoreCase: true,
  fallbackLanguage: DEFAULT_ERROR_LANGUAGE,
  supportedLanguages: [...ERROR_LANGUAGES],
};

const isErrorLanguage = (value: unknown): value is ErrorLanguage =>
  (ERROR_LANGUAGES as readonly unknown[]).includes(value);

export function errorLanguageOf(c: Context): ErrorLanguage {
  const detected = detectFromHeader(c, DETECTION);
  return isErrorLanguage(detected) ? detected : DEFAULT_ERROR_LANGUAGE;
}
