/** The kiosk's languages as the HTTP contract names them (a store's `kioskLanguage`); the list is the domain's. */
export { KIOSK_LANGUAGES, isKioskLanguage, type KioskLanguage } from '../domain/kiosk-languages.js';
