/**
 * `npm run server-key:rotate`: replaces the server key, keeping the old one as the previous key so that
 * everything it made keeps working (server/features/server-key/key-rotation.ts, docs/security.md "The
 * server key"). `npm run server-key:rotate -- --retire` removes the previous key once nothing depends on
 * it; `--retire --force` removes it anyway. Stop every Shiftpass process first; uses the same
 * environment as `npm start` (DATA_DIR, DATABASE_URL, SHIFTPASS_SECRET_KEY_FILE…).
 */
import { ConfigError, parseConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { openPreparedReads } from '../server/db/prepared-reads.js';
import { createSettingsRepository } from '../server/features/policies/settings-repository.js';
import {
  createKeyRotationRepository,
  type KeyDependents,
} from '../server/features/server-key/key-rotation-repository.js';
import { retirePreviousServerKey, rotateServerKey } from '../server/features/server-key/key-rotation.js';

const USAGE = 'usage: npm run server-key:rotate [-- --retire [--force]]';

function describeDependents(d: KeyDependents): string[] {
  return [
    `  ${d.pinVerifiers} PINs (re-hashed when the worker next signs in)`,
    `  ${d.passwordVerifiers} console passwords (re-hashed at the next console sign-in)`,
    `  ${d.shortCodes} unexpired badge short codes (re-keyed when next typed)`,
    `  ${d.recoveryCodes} unused console recovery codes (new ones can be made in the console)`,
    `  ${d.devices} kiosk phones with an attestation signed before the rotation (renewed at their next refresh)`,
  ];
}

async function main(args: string[]): Promise<number> {
  const retire = args.includes('--retire');
  const force = args.includes('--force');
  if (args.some((arg) => !['--retire', '--force'].includes(arg)) || (force && !retire)) {
    console.error(USAGE);
    return 2;
  }
  const config = parseConfig(process.env);
  const database = await openDatabase(config.databaseUrl, {
    authToken: config.databaseAuthToken,
    migrationsDir: process.env.MIGRATIONS_DIR,
  });
  const reads = openPreparedReads(config.databaseUrl, database.client);
  try {
    const store = createKeyRotationRepository(database.db);
    const now = new Date();
    if (retire) {
      const outcome = await retirePreviousServerKey(config.secretKey, store, now, force);
      if (!outcome.ok) {
        console.error(`shiftpass: the previous server key was kept: ${outcome.message}.`);
        if (outcome.dependents) {
          console.error(describeDependents(outcome.dependents).join('\n'));
          console.error(
            'Run again later, or with --force to give these up (those PINs and codes must then be reset).',
          );
        }
        return 1;
      }
      console.log(`Retired the previous server key ${outcome.retiredKid}.`);
      if (outcome.gaveUp > 0) {
        console.log('These no longer work and must be reset:');
        console.log(describeDependents(outcome.dependents).join('\n'));
      }
      return 0;
    }
    const outcome = await rotateServerKey({
      source: config.secretKey,
      issuerId: config.issuerId,
      store,
      settings: createSettingsRepository(database.db, reads),
      now,
    });
    if (!outcome.ok) {
      console.error(`shiftpass: the server key was not rotated: ${outcome.message}.`);
      return 1;
    }
    const { report } = outcome;
    console.log(
      `New server key ${report.newKid}; the previous key ${report.outgoingKid} is kept for the overlap.`,
    );
    console.log(`Re-sealed ${report.resealed} stored secrets under the new key.`);
    if (report.unreadable > 0) {
      console.log(`${report.unreadable} stored secrets opened under neither key and were left as they were.`);
    }
    console.log(
      'Start Shiftpass again. Retire the previous key later with: npm run server-key:rotate -- --retire',
    );
    return 0;
  } finally {
    reads.close();
    database.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`shiftpass: configuration error: ${error.message}`);
    process.exit(1);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    // The key files could not be written; nothing was changed in the database unless the message says
    // the rotation was interrupted (then running the command again finishes it).
    console.error(`shiftpass: cannot write the server key files: ${(error as Error).message}`);
    process.exit(1);
  }
  throw error;
}
