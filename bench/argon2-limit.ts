/**
 * The hashing limit for `npm run bench` (bench/index.ts), run in a process of its own: bare
 * `@node-rs/argon2` verifications per second at the server's own parameters (OWASP_ARGON2ID, with a
 * 32-byte secret like the server key's pepper) and a given concurrency, for a given number of seconds.
 * Prints one JSON line: `{ "perSecond": …, "verifications": …, "seconds": … }`.
 *
 * Usage: tsx bench/argon2-limit.ts <seconds> <concurrency>
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { OWASP_ARGON2ID } from '../server/platform/password-hasher.js';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 4);
const secret = randomBytes(32);
const verifier = await hash('27051984', { ...OWASP_ARGON2ID, algorithm: 2 as Algorithm, secret });
// One warm-up, so the first allocation of the 19 MiB block is not timed.
await verify(verifier, '27051984', { secret });

let verifications = 0;
const start = performance.now();
const end = start + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      if (!(await verify(verifier, '27051984', { secret }))) throw new Error('argon2 verify failed');
      verifications++;
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
console.log(JSON.stringify({ perSecond: verifications / elapsed, verifications, seconds: elapsed }));
