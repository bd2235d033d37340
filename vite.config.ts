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
  },
});
