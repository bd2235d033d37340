import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    // argon2 at OWASP parameters is ~13 ms a hash; API tests hash a lot, give each file room.
    testTimeout: 20_000,
    pool: 'forks',
    // At least two files at once: the fault tests (crash, shutdown, backup, npm start over HTTPS) mostly
    // wait on a child server, and one worker (vitest's default on 2 cores) left the other core idle:
    // 327 s of vitest on the 2-core machine with one worker, 181 s with two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
