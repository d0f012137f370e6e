import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint keeps the architecture honest', () => {
  it.each([
    ["import * as tf from '@tensorflow/tfjs';\nexport const a = tf;", 'tfjs'],
    ["import Dexie from 'dexie';\nexport const a = Dexie;", 'Dexie'],
    ["import { expose } from 'comlink';\nexport const a = expose;", 'Comlink'],
    ["import { mount } from 'svelte';\nexport const a = mount;", 'Svelte'],
    ["import { ALL_STEPS } from '../steps/registry';\nexport const a = ALL_STEPS;", 'another folder'],
  ])('forbids core/ from importing %s', async (code) => {
    expect(await ruleIds(code, 'src/core/example.ts')).toContain('no-restricted-imports');
  });

  it('forbids DOM globals in core/', async () => {
    expect(await ruleIds('export const t = document.title;', 'src/core/example.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const w = window.innerWidth;', 'src/core/example.ts')).toContain('no-restricted-globals');
  });

  it('forbids Math.random anywhere in src/, and allows the same imports outside core/', async () => {
    expect(await ruleIds('export const r = Math.random();', 'src/steps/example.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const r = Math.random();', 'src/ui/example.ts')).toContain('no-restricted-properties');
    expect(await ruleIds("import Dexie from 'dexie';\nexport const a = Dexie;", 'src/storage/example.ts')).toEqual([]);
  });

  it('forbids engine-dependent Math functions where results are hashed, but not in the UI', async () => {
    expect(await ruleIds('export const v = Math.exp(1);', 'src/steps/example.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const v = Math.sin(1);', 'src/core/example.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const v = Math.log(2);', 'src/engine/example.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const v = Math.log10(2);', 'src/ui/example.ts')).toEqual([]);
  });

  it('passes on the repository itself', async () => {
    const results = await eslint.lintFiles(['src']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}`));
    expect(problems).toEqual([]);
  });
});
