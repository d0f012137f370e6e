// Yjs and y-websocket load only when a live session is used (issue 22): no module the app's entry
// reaches through static value imports may import them. (`import type` and `import()` do not count.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIVE_PACKAGES = ['yjs', 'y-websocket', 'y-protocols'];
const STATIC_IMPORT = /^\s*import\s+(?!type\s)([\s\S]*?)\s+from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && /\.(ts|js|svelte)$/.test(candidate)) return candidate;
  }
  return null;
}

/** The modules `file` imports statically for their values: relative files and package names. */
function imports(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const code = file.endsWith('.svelte') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of code.matchAll(STATIC_IMPORT)) {
    const clause = m[1] ?? '';
    const spec = m[2] ?? m[3];
    // `import { type A, type B } from` brings no value.
    if (/^\{[\s\S]*\}$/.test(clause.trim()) && clause.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((n) => n.startsWith('type'))) continue;
    if (spec.startsWith('.')) {
      const target = resolve(file, spec);
      if (target) files.push(target);
    } else packages.push(spec);
  }
  return { files, packages };
}

describe('the main bundle stays free of the live-session code', () => {
  it('no module reached from src/main.ts by static value imports imports yjs, y-websocket or y-protocols', () => {
    const entry = path.resolve('src/main.ts');
    const seen = new Set<string>([entry]);
    const queue = [entry];
    const offenders: string[] = [];
    while (queue.length) {
      const file = queue.shift()!;
      const { files, packages } = imports(file);
      for (const p of packages) if (LIVE_PACKAGES.some((l) => p === l || p.startsWith(`${l}/`))) offenders.push(`${path.relative(process.cwd(), file)} imports ${p}`);
      for (const f of files.filter((f) => !seen.has(f))) {
        seen.add(f);
        queue.push(f);
      }
    }
    expect(seen.size).toBeGreaterThan(50); // the walk really follows the app
    expect(seen.has(path.resolve('src/ui/state/live-glue.ts'))).toBe(true);
    expect(seen.has(path.resolve('src/ui/state/live-sync.ts'))).toBe(false); // the editor sync loads with the first session
    expect(seen.has(path.resolve('src/ui/state/live.svelte.ts'))).toBe(false);
    expect(offenders).toEqual([]);
  });
});
