// Bundle files under random damage (issue 6): mutated bundle text, mutated bundle documents and
// random JSON are either opened, or refused with a ShareError that leaves the database as it was;
// never a TypeError, a Dexie error or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { bundleText, collectBundle, importBundle, parseBundle } from '../../src/share/bundle';
import { ShareError } from '../../src/share/share-error';
import type { PipelabDb } from '../../src/storage/db';
import { freshDb } from '../storage/helpers';
import { intIn, pick } from './generators';
import { snapshot, sourceDb } from './bundle-fixture';
import { within } from './link-test-utils';

let text: string;
let sourceClose: () => void;

beforeAll(async () => {
  const source = await sourceDb();
  sourceClose = () => source.db.close();
  text = bundleText(await collectBundle(source.db, source.pipelineId));
});
afterAll(() => sourceClose());

/** How one attempt to open a bundle into an empty database ended; `bad` describes anything but success or a clean ShareError. */
async function attempt(bundle: string, what: string): Promise<{ opened: boolean; bad: string | null }> {
  const { db } = freshDb('fuzz-target');
  try {
    await within((async () => importBundle(db, parseBundle(bundle)))(), 30_000, what) // a hang guard, not a speed bound;
    return { opened: true, bad: null };
  } catch (err) {
    if ((err as Error).message?.startsWith('TIMEOUT')) throw err;
    const empty = Object.values(await snapshot(db)).every((rows) => rows.length === 0);
    if (!empty) return { opened: false, bad: `${what}: a refused bundle left rows behind` };
    if (err instanceof ShareError) return { opened: false, bad: null };
    return { opened: false, bad: `${what}: ${(err as Error)?.constructor?.name}: ${String((err as Error)?.message).slice(0, 100)}` };
  } finally {
    (db as PipelabDb).close();
  }
}

/** Runs attempts and asserts none ended badly, listing the distinct bad outcomes if any did. */
function expectNoBadOutcomes(bad: string[], label: string): void {
  const distinct = [...new Set(bad.map((b) => b.replace(/^[^:]*: /, '')))];
  expect(distinct, `${label}: ${bad.length} attempts ended in something other than success or a ShareError, e.g. ${bad.slice(0, 3).join(' | ')}`).toEqual([]);
}

describe('damaged bundle files', () => {
  it('200 random text mutations are opened or refused with a ShareError, never anything else', async () => {
    const rng = new Prng(61);
    const bad: string[] = [];
    let opened = 0;
    for (let i = 0; i < 200; i++) {
      let t = text;
      const i0 = intIn(rng, 0, t.length - 1);
      const op = pick(rng, ['flip', 'delete', 'truncate', 'duplicate', 'insert']);
      if (op === 'flip') t = t.slice(0, i0) + String.fromCharCode(intIn(rng, 0x20, 0x7e)) + t.slice(i0 + 1);
      if (op === 'delete') t = t.slice(0, i0) + t.slice(i0 + intIn(rng, 1, 20));
      if (op === 'truncate') t = t.slice(0, i0);
      if (op === 'duplicate') t = t.slice(0, i0) + t.slice(i0, i0 + intIn(rng, 1, 200)) + t.slice(i0);
      if (op === 'insert') t = t.slice(0, i0) + pick(rng, ['null', '{}', '[', '"', ',', '1e999', '-', '\\u0000']) + t.slice(i0);
      const r = await attempt(t, `text ${op} at ${i0}`);
      if (r.bad) bad.push(r.bad);
      if (r.opened) opened++;
    }
    console.log(`bundle text mutations: ${opened} of 200 still opened`);
    expectNoBadOutcomes(bad, 'text mutations');
  });

  const VALUES: unknown[] = [
    null, 0, -1, 1.5, 1e308, '', 'x', '<script>alert(1)</script>', true, {}, [], [null], [{}], { id: 'x' },
    { $typed: 'Float32Array', b64: 'AAA' }, { $typed: 'Nope', b64: '' }, { $number: 'NaN' }, { $number: 'x' }, { $bytes: '!' }, { $bytes: 'AAAA' },
  ];

  it('300 random edits of the bundle document are opened or refused with a ShareError, never anything else', async () => {
    const rng = new Prng(62);
    const bad: string[] = [];
    let opened = 0;
    for (let i = 0; i < 300; i++) {
      const doc = JSON.parse(text) as Record<string, unknown>;
      const path: (string | number)[] = [];
      let parent: Record<string | number, unknown> = doc;
      let key: string | number = pick(rng, ['pipeline', 'versions', 'runs', 'datasets', 'models', 'format', 'version']);
      for (let depth = intIn(rng, 0, 5); depth > 0; depth--) {
        const node = parent[key];
        if (node === null || typeof node !== 'object') break;
        const keys: (string | number)[] = Array.isArray(node) ? node.map((_, j) => j) : Object.keys(node);
        if (keys.length === 0) break;
        path.push(key);
        parent = node as Record<string | number, unknown>;
        key = pick(rng, keys);
      }
      path.push(key);
      if (rng.next() < 0.2 && !Array.isArray(parent)) delete parent[key];
      else parent[key] = structuredClone(pick(rng, VALUES));
      const r = await attempt(JSON.stringify(doc), `edit of ${path.join('.')}`);
      if (r.bad) bad.push(r.bad);
      if (r.opened) opened++;
    }
    console.log(`bundle document edits: ${opened} of 300 still opened`);
    expectNoBadOutcomes(bad, 'document edits');
  });

  it('200 random JSON documents (half of them tagged as bundles) are refused with a ShareError or opened', async () => {
    const rng = new Prng(63);
    const KEYS = ['format', 'version', 'pipeline', 'versions', 'runs', 'datasets', 'models', 'id', 'spec', 'hash', 'runId', 'view', 'record', 'steps', 'metrics', 'name'];
    const randomJson = (depth: number): unknown => {
      const r = rng.next();
      if (depth > 4 || r < 0.3) return pick(rng, [null, 0, 1, -1, 1e308, '', 'pipelab/bundle', 'x', true, false]);
      if (r < 0.55) return Array.from({ length: intIn(rng, 0, 4) }, () => randomJson(depth + 1));
      return Object.fromEntries(Array.from({ length: intIn(rng, 0, 6) }, () => [pick(rng, KEYS), randomJson(depth + 1)]));
    };
    const bad: string[] = [];
    for (let i = 0; i < 200; i++) {
      let value = randomJson(0);
      if (i % 2 === 0) value = { ...(value && typeof value === 'object' && !Array.isArray(value) ? value : {}), format: 'pipelab/bundle', version: 1 };
      const r = await attempt(JSON.stringify(value), `random JSON ${i}`);
      if (r.bad) bad.push(r.bad);
    }
    expectNoBadOutcomes(bad, 'random JSON');
  });
});
