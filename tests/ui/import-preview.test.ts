import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewOf, type DataPreview } from '../../src/steps/data/data-preview';
import { parseUserFile } from '../../src/steps/data/parse-user-data';
import { getDataset } from '../../src/storage/datasets-repo';
import { ImportPreviewState } from '../../src/ui/state/import-preview.svelte';
import { starterPipeline } from '../../src/ui/state/starter-pipeline';
import { previewFile, storePreviewed } from '../../src/worker/preview-file';
import { freshDb } from '../storage/helpers';

afterEach(() => vi.unstubAllGlobals());

/** A preview as the worker would send it, of a fixture or of text. */
function previewOfText(name: string, text: string): DataPreview {
  const { table, delimiter } = parseUserFile(text, 'csv');
  return previewOf(table, { name, format: 'csv', delimiter, hash: 'a'.repeat(64), bytes: text.length });
}

const MISSING = readFileSync('tests/fixtures/import/missing-values.csv', 'utf8');
const HOUSES = 'rooms,area,town,price\n' + Array.from({ length: 30 }, (_, i) => `${1 + (i % 4)},${50 + 3 * i},${i % 2 ? 'north' : 'south'},${100 + 7 * i}`).join('\n') + '\n';

async function opened(preview: DataPreview): Promise<ImportPreviewState> {
  const state = new ImportPreviewState(async (_file, onProgress) => {
    onProgress({ stage: 'reading', done: 1, total: 2 });
    return preview;
  });
  await state.start(new File([''], preview.name));
  return state;
}

describe('ImportPreviewState', () => {
  it('offers a re-imported file as the next version of the earlier one, and hands it over as such', async () => {
    const preview = previewOfText('houses.csv', HOUSES);
    const asked: string[] = [];
    const state = new ImportPreviewState(async () => preview, () => {}, async (name, hash) => {
      asked.push(`${name}:${hash.slice(0, 4)}`);
      return { users: 2, nextNumber: 3 };
    });
    await state.start(new File([''], 'houses.csv'));
    expect(asked).toEqual(['houses.csv:aaaa']);
    expect(state.earlier).toEqual({ users: 2, nextNumber: 3 });
    expect(state.takeAsVersion()).toBe(preview);
    expect([state.status, state.earlier]).toEqual(['closed', null]);
    const fresh = await opened(preview);
    expect([fresh.earlier, fresh.takeAsVersion(), fresh.status]).toEqual([null, null, 'ready']);
  });

  it('defaults to the last column as target, the others as features, and the task the target suggests', async () => {
    const state = await opened(previewOfText('houses.csv', HOUSES));
    expect(state.status).toBe('ready');
    expect([state.target, state.task, state.features]).toEqual(['price', 'regression', ['rooms', 'area', 'town']]);
    state.setTarget('rooms');
    expect([state.target, state.task, state.features]).toEqual(['rooms', 'classification', ['area', 'town', 'price']]);
    state.setTarget('town');
    expect(state.canRegress).toBe(false);
    state.task = 'regression';
    expect(state.problem).toMatch(/"town" holds labels/);
    expect(state.take()).toBeNull();
  });

  it('builds the starter pipeline from the choices, with only the chosen features', async () => {
    const state = await opened(previewOfText('houses.csv', HOUSES));
    state.setFeature('town', false);
    const taken = state.take();
    expect(state.status).toBe('closed');
    const spec = starterPipeline(taken!.preview, taken!.choices);
    expect(spec.steps[0].params).toEqual({ name: 'houses.csv', hash: 'a'.repeat(64), target: 'price', task: 'regression', columns: ['rooms', 'area'] });
    expect(spec.steps.map((s) => s.kind)).toEqual(['data.import', 'split.train-test', 'transform.standardize', 'model.linear-regression', 'evaluate.regression']);
  });

  it('adds dropping missing rows and one-hot encoding only when the chosen columns need them', async () => {
    const state = await opened(previewOfText('missing.csv', MISSING));
    const all = state.take()!;
    expect(all.choices.features).toEqual(['a', 'b', 'c']);
    expect(starterPipeline(all.preview, all.choices).steps.map((s) => s.id)).toEqual(['data', 'clean', 'split', 'encode', 'scale', 'model', 'evaluate']);
    const numbers = starterPipeline(all.preview, { target: 'label', task: 'classification', features: ['a', 'b'] });
    expect(numbers.steps.map((s) => s.id)).toEqual(['data', 'clean', 'split', 'scale', 'model', 'evaluate']);
    expect(numbers.steps.find((s) => s.id === 'model')?.params.solver).toBe('lbfgs'); // new pipelines fit like scikit-learn
    const houses = previewOfText('houses.csv', HOUSES);
    expect(starterPipeline(houses, { target: 'price', task: 'regression', features: ['town'] }).steps.map((s) => s.id)).toEqual(['data', 'split', 'encode', 'scale', 'model', 'evaluate']);
    expect(() => starterPipeline(houses, { target: 'price', task: 'regression', features: [] })).toThrow(/at least one feature/);
  });

  it('asks for at least one feature, shows a failure with the file name, and ignores a file replaced while it was read', async () => {
    const state = await opened(previewOfText('houses.csv', HOUSES));
    for (const f of ['rooms', 'area', 'town']) state.setFeature(f, false);
    expect(state.problem).toBe('Choose at least one feature column.');
    const failing = new ImportPreviewState(() => Promise.reject(new Error('Line 3 has 2 fields but the header has 3')));
    await failing.start(new File([''], 'bad.csv'));
    expect([failing.status, failing.error]).toEqual(['failed', 'bad.csv could not be imported: Line 3 has 2 fields but the header has 3']);
    let release: (p: DataPreview) => void = () => {};
    const slow = new ImportPreviewState(() => new Promise((resolve) => (release = resolve)));
    const first = slow.start(new File([''], 'first.csv'));
    const firstRelease = release;
    const second = slow.start(new File([''], 'houses.csv'));
    release(previewOfText('houses.csv', HOUSES));
    firstRelease(previewOfText('first.csv', MISSING));
    await Promise.all([first, second]);
    expect([slow.fileName, slow.preview?.name]).toEqual(['houses.csv', 'houses.csv']);
  });

  it('tells the worker to stop when the dialog is closed while a file is read', async () => {
    let stops = 0;
    const state = new ImportPreviewState(() => new Promise(() => {}), () => stops++);
    void state.start(new File([''], 'big.csv'));
    state.close();
    expect([state.status, stops]).toEqual(['closed', 1]);
    state.close();
    expect(stops).toBe(1);
  });
});

describe('storePreviewed', () => {
  it('stores the previewed text once, under the hash the preview reports', async () => {
    const { db, factory } = freshDb('pipelab-import-store');
    vi.stubGlobal('indexedDB', factory);
    Dexie.dependencies.indexedDB = factory;
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
    const previewed = await previewFile(new File([MISSING], 'missing.csv'), () => {});
    await storePreviewed(previewed, db.name);
    await storePreviewed(previewed, db.name);
    expect(await db.datasets.count()).toBe(1);
    expect(await getDataset(db, previewed.preview.hash)).toMatchObject({ name: 'missing.csv', format: 'csv', text: MISSING });
    db.close();
  });
});
