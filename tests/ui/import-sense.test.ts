import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash';
import { withUserData } from '../../src/engine/data-source';
import { nodeDataSource } from '../../src/cli/node-data-source';
import { previewOf, type DataPreview } from '../../src/steps/data/data-preview';
import { parseUserFile } from '../../src/steps/data/parse-user-data';
import { ImportPreviewState } from '../../src/ui/state/import-preview.svelte';
import { starterPipeline } from '../../src/ui/state/starter-pipeline';
import { run } from '../helpers';
import { irisWithIdAndLeak } from '../fixtures/real/iris-id-leak';

const SEATTLE_ID = readFileSync('tests/fixtures/real/seattle-weather-with-id.csv', 'utf8');

async function opened(name: string, text: string): Promise<{ state: ImportPreviewState; hash: string }> {
  const { table, delimiter } = parseUserFile(text, 'csv');
  const hash = await sha256Hex(text);
  const preview: DataPreview = previewOf(table, { name, format: 'csv', delimiter, hash, bytes: text.length });
  const state = new ImportPreviewState(async () => preview);
  await state.start(new File([''], name));
  return { state, hash };
}

/** The share of the most frequent label among the given rows: what always guessing it scores. */
function majorityShare(labels: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return Math.max(...counts.values()) / labels.length;
}

describe('import preview with column sense', () => {
  it('leaves out an id and a target leak by default, with the reason, and takes either back in one call', async () => {
    const { state } = await opened('iris-id-leak.csv', irisWithIdAndLeak());
    expect(state.target).toBe('species_code');
    state.setTarget('species');
    expect(state.features).toEqual(['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
    expect(state.notes.get('sample_id')?.reason).toMatch(/^named like an id/);
    expect(state.notes.get('species_code')?.reason).toMatch(/^a relabelling of the target "species"/);
    state.setFeature('sample_id', true);
    expect(state.features[0]).toBe('sample_id');
    const taken = state.take()!;
    expect(starterPipeline(taken.preview, taken.choices).steps[0].params.columns).toEqual(['sample_id', 'sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
  });

  it('opens the real Seattle weather (with a row id) as a pipeline that uses date parts and beats the majority baseline', async () => {
    const { state, hash } = await opened('seattle-weather-with-id.csv', SEATTLE_ID);
    expect(state.notes.get('id')?.label).toBe('id-like');
    expect(state.notes.get('date')?.label).toBe('date — used as date parts');
    expect(state.features).toEqual(['date', 'precipitation', 'temp_max', 'temp_min', 'wind']);
    const taken = state.take()!;
    const spec = starterPipeline(taken.preview, taken.choices);
    expect(spec.steps.map((s) => s.kind)).toEqual(['data.import', 'split.train-test', 'transform.date-parts', 'transform.standardize', 'model.logistic-regression', 'evaluate.classification']);
    const { record, outputs } = await run(spec, { dataSource: withUserData(nodeDataSource, { [hash]: SEATTLE_ID }) });
    expect(record.status).toBe('done');
    const split = outputs.find((o) => o.stepId === 'split')!.state;
    const target = split.table!.columns.find((c) => c.name === 'weather')!;
    if (target.type !== 'categorical') throw new Error('weather should be labels');
    const baseline = majorityShare([...split.split!.test].map((r) => target.categories[target.codes[r]]));
    expect(record.metrics.accuracy).toBeGreaterThan(baseline);
  });
});
