/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API's top-level paths: the dev server forwards them to the backend (`./cmep up`, port 8080)
// so that the SPA and the API share one origin, as they do when gateway-api serves the build.
const API_PREFIXES = ['/health', '/version', '/auth', '/solicitudes', '/archivos', '/promotores',
  '/empleados', '/servicios', '/admin'];
const backend = process.env.CMEP_API_PROXY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 3000,
    proxy: Object.fromEntries(API_PREFIXES.map((p) => [p, backend])),
  },
  build: {
    target: 'es2020',
    sourcemap: false,
    // read by scripts/bundle-budget.mjs to tell the initial JavaScript from the lazily loaded chunks
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
