/**
 * The release of this code base, known to both the PWA (it reports it with every device proof) and
 * the server (the built-in compliance check calls a device running an older release out of date).
 * Kept equal to package.json "version" (tests/unit/app-version.test.ts).
 */
export const APP_VERSION = '0.1.0';
