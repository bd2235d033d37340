/**
 * `npm run oidc:rotate-keys`: adds a new RS256 and ES256 signing key for the OpenID provider; the
 * keys they replace stop signing and stay in JWKS until every token they signed has expired
 * (SIGNING_KEY_OVERLAP_SECONDS). Uses the same environment as `npm start` (DATA_DIR, DATABASE_URL,
 * SHIFTPASS_SECRET_KEY…). Running servers pick up the new keys within 5 minutes (their key check).
 */
import { ConfigError } from '../server/config.js';
import { rotateSigningKeys } from '../server/features/oidc/signing-keys.js';
import { startRuntime } from '../server/runtime.js';

try {
  const runtime = await startRuntime(process.env, { oidcKeyReloadIntervalMs: 0 });
  try {
    const added = await rotateSigningKeys(runtime.deps, runtime.deps.clock.now());
    console.log(`New OpenID signing keys: ${added.join(', ')}`);
    console.log(
      'Running servers switch to them within 5 minutes; the old keys stay published until their tokens expire.',
    );
  } finally {
    runtime.close();
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`shiftpass: configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
