import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { buildId } from './scripts/build-id.ts';
import { offlinePlugin } from './scripts/offline-plugin.ts';

// One config for the app build and the unit tests (Vitest, in Node with the tfjs cpu backend).
export default defineConfig({
  plugins: [svelte(), offlinePlugin('src/sw/service-worker.ts')],
  define: { __BUILD_ID__: JSON.stringify(buildId(process.env, pkg.version)) },
  worker: { format: 'es' },
  // Dexie's modern ES build (same release): no ES5 helpers, and it tree-shakes (README, choices).
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  build: {
    target: 'es2022',
    sourcemap: true,
    // papaparse (CommonJS) does nothing when loaded: say so, so the page (which only asks
    // parse-user-data.ts for formatOf) leaves it to the worker.
    rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /node_modules[\\/]papaparse[\\/]/, sideEffects: false }] } },
  },
  // A CSP in a <meta> tag (index.html) cannot carry frame-ancestors: where the host can set
  // headers, forbid framing there (clickjacking). `vite preview` (npm start) does; see README.
  preview: { headers: { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' } },
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          // A browser test chains several waits of up to 90 s each (tests/e2e/browser.ts): give the whole test room.
          testTimeout: 300_000,
          // expect.poll waits for a state, never for a deadline: 1 s (Vitest's default) is a coin toss on a busy machine.
          expect: { poll: { timeout: 60_000, interval: 100 } },
        },
      },
    ],
  },
});
