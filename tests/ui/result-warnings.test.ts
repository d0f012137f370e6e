import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/engine/run-record';
import { buildRunView, type RunView } from '../../src/engine/run-view';
import { allTips, resultWarnings, shownBaseline, warningsToShow } from '../../src/ui/results/result-warnings';
import { GALLERY } from '../../src/ui/gallery/gallery';
import { attachDataFile } from '../../src/cli/data-file';
import { doc, run, spec, tf } from '../helpers';

const views: Record<string, RunView> = {};
beforeAll(async () => {
  for (const entry of GALLERY) views[entry.id] = buildRunView(tf, await run(entry.spec));
}, 600_000);

/** A real run's record with its headline scores replaced. */
function withScores(record: RunRecord, test: Record<string, number>, train: Record<string, number>): RunRecord {
  return { ...record, metrics: { ...record.metrics, ...test }, trainMetrics: { ...record.trainMetrics, ...train } };
}

describe('warnings on first results', () => {
  it('warns about a 99 % / 44 % train/test gap, in words, with what to try and the model step', () => {
    const { record, baseline } = views['iris-logreg'];
    const warnings = resultWarnings(withScores(record, { accuracy: 0.44 }, { accuracy: 0.99 }), baseline);
    const gap = warnings.find((w) => w.kind === 'overfit');
    expect(gap?.text).toMatch(/^99\.0% on the training rows but 44\.0% on the test rows \(55\.0 points apart\)/);
    expect(gap?.tips.join(' ')).toMatch(/id-like column.*Regularise.*fewer epochs.*more data/is);
    expect(gap?.modelStepId).toBe('model');
    expect(warnings.some((w) => w.kind === 'below-baseline')).toBe(false); // 44 % still beats iris's 1/3
  });

  it('gives one list of tips when both warnings apply, each tip once', () => {
    const { record, baseline } = views['iris-logreg'];
    const warnings = resultWarnings(withScores(record, { accuracy: 0.3 }, { accuracy: 0.99 }), baseline);
    expect(warnings.map((w) => w.kind)).toEqual(['below-baseline', 'overfit']);
    const tips = allTips(warnings);
    expect(new Set(tips).size).toBe(tips.length);
    expect(tips.filter((t) => /id-like/.test(t))).toHaveLength(1);
    expect(tips.join(' ')).toMatch(/relate to the target.*Regularise.*fewer epochs/s);
    expect(tips.join(' ')).not.toMatch(/Train more/); // it already memorises: more training is not the cure
  });

  it('warns when the model is worse than the majority baseline, naming the class', () => {
    const { record, baseline } = views['iris-logreg'];
    const warnings = resultWarnings(withScores(record, { accuracy: 0.2 }, { accuracy: 0.3 }), baseline);
    expect(warnings.map((w) => w.kind)).toEqual(['below-baseline']);
    expect(warnings[0].text).toMatch(/^It scores 20\.0% on the test rows, but always predicting “\w+” \(the most common class in the training rows\) scores 3\d\.\d%/);
  });

  it('warns for a regression no better than predicting the mean (the R² = 0 line)', () => {
    const { record, baseline } = views['diabetes-linreg'];
    const warnings = resultWarnings(withScores(record, { r2: -0.1 }, { r2: 0.05 }), baseline);
    expect(warnings.map((w) => w.kind)).toEqual(['below-baseline']);
    expect(warnings[0].text).toContain('always predicting the training mean');
    expect(resultWarnings(withScores(record, { r2: 0.1 }, { r2: 0.35 }), baseline).map((w) => w.kind)).toEqual(['overfit']);
  });

  it('warns on a real model that scores below its baseline: the noise demo with features picked after the split', () => {
    const { record, baseline } = views['leakage-right-order'];
    expect(record.metrics.accuracy).toBeLessThan(baseline!.value);
    expect(resultWarnings(record, baseline).map((w) => w.kind)).toContain('below-baseline');
  });

  it('raises no warning card on any gallery example; the leakage demos on noise tell their expected failure as the lesson', () => {
    for (const entry of GALLERY) {
      const shown = warningsToShow(views[entry.id].record, views[entry.id].baseline);
      expect(shown.warnings, entry.id).toEqual([]);
      const expected = resultWarnings(views[entry.id].record, views[entry.id].baseline).length > 0;
      expect(shown.lessonNote !== null, entry.id).toBe(expected);
    }
    expect(warningsToShow(views['leakage-right-order'].record, views['leakage-right-order'].baseline).lessonNote).toMatch(/nothing to learn/);
  });

  it('brings every warning back once a leakage demo is edited (another seed, or another step param)', () => {
    const { record, baseline } = views['leakage-right-order'];
    const reseeded = { ...record, spec: { ...record.spec, seed: record.spec.seed + 1 } };
    expect(warningsToShow(reseeded, baseline).warnings.map((w) => w.kind)).toEqual(['below-baseline', 'overfit']);
    expect(warningsToShow(reseeded, baseline).lessonNote).toBeNull();
    const steps = record.spec.steps.map((s) => (s.id === 'model' ? { ...s, params: { ...s.params, epochs: 101 } } : s));
    expect(warningsToShow({ ...record, spec: { ...record.spec, steps } }, baseline).warnings).toHaveLength(2);
    // an expected warning of one kind does not hide a warning of another kind
    const wrong = views['leakage-wrong-order'];
    const worse = withScores(wrong.record, { accuracy: 0.3 }, { accuracy: 1 });
    expect(warningsToShow(worse, wrong.baseline).warnings.map((w) => w.kind)).toEqual(['below-baseline']);
  });

  it('stays silent on the gallery examples whose models learn', () => {
    const learning = GALLERY.map((e) => e.id).filter((id) => !id.startsWith('leakage-'));
    expect(learning.length).toBeGreaterThanOrEqual(7);
    for (const id of learning) {
      expect(views[id].baseline, id).toBeTruthy();
      expect(resultWarnings(views[id].record, views[id].baseline), id).toEqual([]);
    }
  });

  it('says nothing for a failed run, and still checks the gap of a run stored without a baseline', () => {
    const { record } = views['iris-logreg'];
    expect(resultWarnings({ ...record, status: 'failed' }, null)).toEqual([]);
    expect(resultWarnings(withScores(record, { accuracy: 0.5 }, { accuracy: 0.95 }), undefined).map((w) => w.kind)).toEqual(['overfit']);
  });

  it('shows no baseline from a malformed view (an imported bundle), and a well-formed one as it is', () => {
    const good = views['iris-logreg'].baseline;
    expect(shownBaseline(views['iris-logreg'])).toEqual(good);
    const bad = [{ kind: 'majority', metric: 'accuracy', value: '0.5', cls: 'x' }, { kind: 'majority', metric: 'accuracy', value: 0.5 }, { kind: 'mean', metric: 'accuracy', value: 0, mean: 1 }, 'x', null];
    for (const b of bad) expect(shownBaseline({ baseline: b } as never)).toBeNull();
    expect(shownBaseline(null)).toBeNull();
  });

  it('on real data (Seattle weather): warns when the date is one-hot encoded, not when it becomes date parts', async () => {
    const pipeline = (dateSteps: unknown[]) => spec(doc([
      { id: 'data', kind: 'data.import', params: { name: 'seattle-weather.csv', target: 'weather', task: 'classification' } },
      { id: 'split', kind: 'split.train-test', params: { testFraction: 0.25, stratify: true } },
      ...dateSteps,
      { id: 'scale', kind: 'transform.standardize', params: {} },
      { id: 'model', kind: 'model.logistic-regression', params: {} },
      { id: 'evaluate', kind: 'evaluate.classification', params: {} },
    ]));
    const viewOf = async (s: ReturnType<typeof pipeline>) => {
      const dataSource = await attachDataFile(s, 'tests/fixtures/real/seattle-weather.csv');
      return buildRunView(tf, await run(s, { dataSource }));
    };
    const oneHot = await viewOf(pipeline([{ id: 'encode', kind: 'transform.one-hot', params: {} }]));
    expect(oneHot.record.status).toBe('done');
    const warned = resultWarnings(oneHot.record, oneHot.baseline);
    expect(warned.map((w) => w.kind)).toEqual(['below-baseline', 'overfit']); // 43.8 % test, 99.5 % train, baseline "rain" 43.8 %
    expect(warned[0].modelStepId).toBe('model');
    const parts = await viewOf(pipeline([{ id: 'dates', kind: 'transform.date-parts', params: { columns: ['date'], cyclical: true } }]));
    expect(parts.record.metrics.accuracy).toBeGreaterThan(parts.baseline!.value);
    expect(resultWarnings(parts.record, parts.baseline)).toEqual([]);
  }, 300_000);
});
