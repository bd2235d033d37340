/**
 * What `npm start` prints while no admin exists: the one-time setup link, set apart by blank lines and
 * indented so it stands out among the start-up lines (the runtime's describeBootstrap prints it).
 */
import { SETUP_LINK_LIFETIME_SECONDS } from './bootstrap.js';

export function setupLinkLines(origin: string, setupToken: string): string[] {
  const hours = SETUP_LINK_LIFETIME_SECONDS / 3600;
  return [
    '',
    `No admin yet. Open this one-time link in a browser to create the first admin (it works for ${hours} h):`,
    '',
    `    ${origin}/setup#${setupToken}`,
    '',
  ];
}
