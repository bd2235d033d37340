/**
 * The choices of a store's form: time zones (the browser's IANA list, searchable by city, with "none"
 * first and a store's current zone kept even when this browser does not list it) and kiosk languages
 * (each phone's own first). The controls cannot hold '' as a choice, so "none" has its own value.
 */
import type { Option } from '$lib/ui';
import { KIOSK_LANGUAGES, type KioskLanguage } from '$server/contracts/kiosk-languages';

/** The value of "no time zone" / "each phone's own language" in the controls (the form keeps ''). */
export const NO_CHOICE = '-';

export function browserTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** "America/Argentina/Buenos_Aires" reads "America/Argentina/Buenos Aires", so "buenos aires" finds it. */
export const timeZoneLabel = (zone: string): string => zone.replaceAll('_', ' ');

export function timeZoneOptions(zones: readonly string[], current: string, noneLabel: string): Option[] {
  const listed = current === '' || zones.includes(current) ? zones : [current, ...zones];
  return [
    { value: NO_CHOICE, label: noneLabel },
    ...listed.map((zone) => ({ value: zone, label: timeZoneLabel(zone) })),
  ];
}

export function kioskLanguageOptions(
  phoneLanguage: string,
  languages: Record<KioskLanguage, string>,
): Option[] {
  return [
    { value: NO_CHOICE, label: phoneLanguage },
    ...KIOSK_LANGUAGES.map((language) => ({ value: language, label: languages[language] })),
  ];
}

/** The form's value ('' for none) as the control's, and back. */
export const toChoice = (value: string): string => (value === '' ? NO_CHOICE : value);
export const fromChoice = (choice: string): string => (choice === NO_CHOICE ? '' : choice);
