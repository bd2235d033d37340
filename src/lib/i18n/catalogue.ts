/**
 * Every language's messages at once, for checks that compare them (tests, and anything run outside
 * the kiosk). The kiosk itself never imports this: it loads one language at a time (i18n.svelte.ts).
 */
import { englishMessages, type Messages } from './english';
import type { Locale } from './locale';
import { spanishMessages } from './spanish';

export type { Messages };

const catalogues: Record<Locale, Messages> = { en: englishMessages, es: spanishMessages };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
