import { defineConfig } from 'vitest/config';

// Browser journeys (ui.md §13) against a running system: `./cmep e2e` starts one and sets CMEP_E2E_URL.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});
