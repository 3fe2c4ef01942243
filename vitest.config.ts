import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/after-each-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: e2e files each spawn the bundled action; keep contention predictable.
    maxWorkers: 2,
  },
})
