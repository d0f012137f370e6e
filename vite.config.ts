import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One config for the app build and the unit tests (Vitest, in Node with the tfjs cpu backend).
export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: {
      // vega-datasets exports only its JS entry; its data files are reached through this alias.
      '@vega-data': path.resolve(import.meta.dirname, 'node_modules/vega-datasets/data'),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
