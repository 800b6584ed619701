import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'grader/**/*.test.ts', 'harness/**/*.test.ts'],
    // Grading spawns real student processes: give them time, and leave one core to them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
