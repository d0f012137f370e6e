import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainBundleSize } from '../../bench/app-metrics';

// What the start page loads, read from the production build (dist/, built before the browser
// tests): at most 100 KB gzipped (issue 18), and none of the engine's code: no step code
// (the registry, the kernels and their WebAssembly), no tfjs, no CSV parser. These load in
// the worker; the main thread holds the step descriptions only.

const DIST = path.resolve('dist');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The sources a source map maps code to (a source listed without a mapped segment contributed no code). */
function mappedSources(map: { sources: string[]; mappings: string }): string[] {
  const used = new Set<number>();
  let source = 0;
  for (const segment of map.mappings.split(/[;,]/)) {
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = BASE64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    if (fields.length < 4) continue;
    source += fields[1];
    used.add(source);
  }
  return [...used].map((i) => map.sources[i]);
}

/** The source files with code in the scripts the start page loads (from their source maps). */
function startSources(files: readonly string[]): string[] {
  return files
    .filter((f) => f.endsWith('.js'))
    .flatMap((f) => mappedSources(JSON.parse(readFileSync(path.join(DIST, `${f.replace(/^\//, '')}.map`), 'utf8'))));
}

describe('the start page’s bundle', () => {
  it('is at most 100 KB gzipped', () => {
    const { files, gzip } = mainBundleSize(DIST);
    expect(gzip, `${(gzip / 1024).toFixed(1)} KB gzipped in ${files.join(', ')}`).toBeLessThanOrEqual(100 * 1024);
  });

  it('holds no step code, kernels, WebAssembly, tfjs or CSV parser: only the step descriptions', () => {
    const { files } = mainBundleSize(DIST);
    const sources = startSources(files);
    expect(sources.some((s) => s.endsWith('src/steps/catalog.ts')), 'the descriptions are there').toBe(true);
    // Step code: the registry, defineStep, any step's training or prediction machinery (descriptions, params and Python text may stay).
    const code = /src\/steps\/(registry|step)\.ts|steps\/model\/(kernels\/|network\/(?!network-python|training-params)|trees\/(?!tree-params|tree-code)|neighbours\/|bayes\/|inputs\/)|@tensorflow|papaparse/;
    const forbidden = sources.filter((s) => code.test(s));
    expect(forbidden).toEqual([]);
    for (const f of files.filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(path.join(DIST, f.replace(/^\//, '')), 'utf8'), `${f} embeds a wasm module`).not.toMatch(/AGFzbQ/); // base64 of "\0asm"
    }
  });
});
