/** IANA time-zone names (e.g. Europe/Lisbon), checked against the runtime's time-zone database. */

// Names only: Intl would also accept UTC offsets such as "+01:00", which are not IANA zones.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

let knownSpellings: Map<string, string> | undefined;

/**
 * The name as the time-zone database spells it ("europe/lisbon" → "Europe/Lisbon"), or null when
 * it is not a time zone. Links the runtime accepts but does not list (UTC, Etc/GMT+5) are kept as
 * given: resolving them would silently rename the zone (ICU turns "EST" into "America/Panama").
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > 64 || !IANA_NAME.test(name)) return null;
  knownSpellings ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  const listed = knownSpellings.get(name.toLowerCase());
  if (listed) return listed;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}
