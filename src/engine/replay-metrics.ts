// The train and test metric of a replay snapshot: accuracy for classifiers, R² for regressors,
// from the snapshot's model predicting every row of the model step's input.
import type { FittedModel, PipelineState } from '../core/state';
import { getColumn, type CategoricalColumn, type NumericColumn } from '../core/table';
import { regressionScores } from '../steps/evaluate/regression-metrics';
import { findStep } from '../steps/registry';
import type { Tf } from '../steps/step';

/** Which metric a replay shows. */
export type ReplayMetric = 'accuracy' | 'r2';

/** Scores models of one step on its input's training and test rows; the feature matrix is built once. */
export class ReplayScorer {
  private x: Float64Array | null = null;

  constructor(
    private readonly tf: Tf,
    private readonly input: PipelineState,
  ) {}

  /** The metric's name for this model kind, or null when the model cannot predict new rows. */
  static metricOf(model: FittedModel): ReplayMetric | null {
    const step = findStep(model.kind);
    if (!step?.fitted?.predict || !step.model) return null;
    return step.model.task === 'classification' ? 'accuracy' : 'r2';
  }

  /** The model's metric on the training and on the test rows; null when it cannot be scored. */
  score(model: FittedModel): { train: number; test: number } | null {
    const { table, target, split } = this.input;
    const metric = ReplayScorer.metricOf(model);
    const features = model.info.features;
    if (!metric || !table || !target || !split || !Array.isArray(features)) return null;
    this.x ??= rowMajor(features.map((f) => getColumn(table, String(f)) as NumericColumn), table.rowCount);
    const out = findStep(model.kind)!.fitted!.predict!(model, this.x, this.tf);
    if (!out) return null;
    if (metric === 'r2') {
      const truth = (getColumn(table, target) as NumericColumn).values;
      const values = Float64Array.from(out);
      return { train: regressionScores(truth, values, split.train).r2, test: regressionScores(truth, values, split.test).r2 };
    }
    const codes = (getColumn(table, target) as CategoricalColumn).codes;
    const k = out.length / table.rowCount;
    return { train: accuracy(out, k, codes, split.train), test: accuracy(out, k, codes, split.test) };
  }
}

/** Share of `rows` whose most probable class (first on a tie) is their true class. */
function accuracy(probs: ArrayLike<number>, k: number, codes: Int32Array, rows: Int32Array): number {
  let correct = 0;
  for (const r of rows) {
    let best = 0;
    for (let m = 1; m < k; m++) if (probs[r * k + m] > probs[r * k + best]) best = m;
    if (best === codes[r]) correct++;
  }
  return rows.length ? correct / rows.length : 0;
}

/** Every row of the given columns as a row-major float64 matrix. */
function rowMajor(columns: readonly NumericColumn[], rows: number): Float64Array {
  const d = columns.length;
  const out = new Float64Array(rows * d);
  columns.forEach((c, j) => {
    for (let i = 0; i < rows; i++) out[i * d + j] = c.values[i];
  });
  return out;
}
