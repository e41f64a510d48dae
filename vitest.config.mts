import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // One throwaway PostgreSQL cluster per run for the team-mode tests (removed at the end).
    globalSetup: ['test/setup/pg-global-setup.ts'],
    // Two cores here: keep worker count low so spawned CLI processes get CPU.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
