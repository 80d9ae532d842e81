import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // each synth of the app stack takes 10-40 s on a small machine (asset staging of the SPA and the CLI layer)
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // the synth-heavy files run in parallel, at most two at a time
    maxWorkers: 2,
  },
});
