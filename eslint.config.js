// Lint rules: TypeScript's recommended set, plus the architecture's boundaries.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const mathRandom = { object: 'Math', property: 'random', message: 'Every random choice must come from the seeded Prng (src/core/prng.ts).' };
const noMathRandom = { 'no-restricted-properties': ['error', mathRandom] };

// Math's transcendental functions differ in the last bit between engines (Node 20 vs Chromium 156):
// code whose results are hashed uses src/core/det-math.ts instead.
const engineDependentMath = ['exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'pow', 'cbrt', 'hypot'].map(
  (property) => ({ object: 'Math', property, message: `Math.${property} is not bit-identical across engines: use src/core/det-math.ts.` }),
);
const deterministicMath = { 'no-restricted-properties': ['error', mathRandom, ...engineDependentMath] };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench-results/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  { files: ['src/**'], rules: noMathRandom },
  // cpu-kernels.ts reproduces tfjs's cpu kernels, which call Math.exp/log/tanh: it must call them too, to keep their bits.
  { files: ['src/core/**', 'src/steps/**', 'src/engine/**'], ignores: ['src/core/det-math.ts', 'src/steps/model/kernels/cpu-kernels.ts'], rules: deterministicMath },
  { files: ['src/steps/model/kernels/cpu-kernels.ts'], rules: noMathRandom },
  {
    // core/ is pure TypeScript: no DOM, no tfjs, no storage, no worker plumbing, no UI framework.
    files: ['src/core/**'],
    languageOptions: { globals: { ...globals.es2021, crypto: 'readonly', TextEncoder: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*'], message: 'core/ must not import tfjs: steps get tf from their context.' },
            { group: ['dexie', 'dexie/*'], message: 'core/ must not import Dexie: storage/ owns the database.' },
            { group: ['comlink', 'comlink/*'], message: 'core/ must not import Comlink: worker/ owns it.' },
            { group: ['svelte', 'svelte/*', '*.svelte'], message: 'core/ must not import Svelte: ui/ owns it.' },
            { group: ['../*'], message: 'core/ imports nothing from the other folders.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'indexedDB', 'fetch', 'self', 'performance'].map(
          (name) => ({ name, message: 'core/ is pure: pass browser globals in.' }),
        ),
      ],
    },
  },
);
