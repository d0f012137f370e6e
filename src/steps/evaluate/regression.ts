import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import type { NumericColumn } from '../../core/table';
import { defineStep } from '../step';
import { requireSplit, requireTable, targetColumn } from '../require-input';
import { regressionScores } from './regression-metrics';

/** What the palette, forms and restore know of `evaluateRegression`: plain data, no code. */
export const evaluateRegressionDescription = describeStep({
  kind: 'evaluate.regression',
  version: 1,
  category: 'evaluate',
  shortId: 'evaluate',
  label: 'Regression metrics',
  keywords: ['R2', 'R squared', 'MAE', 'RMSE', 'MSE', 'mean squared error', 'score'],
  help: 'Scores predicted numbers on the test rows: mean squared error, its root, mean absolute error and R² (1 is perfect).',
  usesRandomness: false,
  needs: ['regression'],
  params: {},
  metrics: [
    { name: 'r2', label: 'R²', unit: 'number', better: 'higher', order: 70 },
    { name: 'rmse', label: 'RMSE', unit: 'number', better: 'lower', order: 80 },
    { name: 'mae', label: 'MAE', unit: 'number', better: 'lower', order: 90 },
    { name: 'mse', label: 'MSE', unit: 'number', better: 'lower', order: 100 },
  ],
});

/** Scores a regression model on the test rows (and the training rows). */
export const evaluateRegression = defineStep(evaluateRegressionDescription, {
  async run(_ctx, input) {
    const label = 'Regression metrics';
    const data = requireTable(input, label);
    const split = requireSplit(input, label);
    const p = input.predictions;
    if (!p || p.task !== 'regression' || !p.values) {
      throw new StepInputError(`${label} need a regression model's predictions: put a regression model before this step.`);
    }
    const truth = (targetColumn(data) as NumericColumn).values;
    return {
      ...input,
      evaluation: {
        task: 'regression',
        test: regressionScores(truth, p.values, split.test),
        train: regressionScores(truth, p.values, split.train),
      },
    };
  },
});
