/** Console words for a store's kiosk language (the store form on the Groups page). */
import type { KioskLanguage } from '$server/contracts/kiosk-languages';

export const storeLanguageText = {
  label: 'Kiosk language',
  phoneLanguage: 'Each phone’s own language',
  languages: { en: 'English', es: 'Spanish (Español)' } satisfies Record<KioskLanguage, string>,
  hint: 'The language this store’s kiosks start in for each worker. A kiosk given its own language when it was set up keeps it, and any worker can pick another language for their own session on the scan screen.',
  error: 'Choose a language from the list.',
};
