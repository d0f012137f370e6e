import { describeStep } from '../../core/step-description';
import { pyModel, pyNumber } from '../../core/python-code';
import { defineStep } from '../step';
import { weightValues } from './inputs/rows';
import { regressionInput } from './inputs/design-matrix';
import { fitLeastSquares } from './linear/least-squares';

/** What the palette, forms and restore know of `linearRegression`: plain data, no code. */
export const linearRegressionDescription = describeStep({
  kind: 'model.linear-regression',
  version: 1,
  category: 'model',
  label: 'Linear regression / ridge',
  keywords: ['LinearRegression', 'Ridge', 'ridge regression', 'ordinary least squares', 'OLS', 'L2 regularisation', 'Tikhonov'],
  help: 'Predicts a number as a weighted sum of the features, fitted exactly. The baseline every regression should beat. ' +
    "With an L2 penalty above 0 it is ridge regression (scikit-learn's Ridge).",
  usesRandomness: false,
  params: {
    fitIntercept: {
      type: 'boolean',
      label: 'Fit intercept',
      help: 'Learn a constant offset too. Leave on unless the target is known to be 0 when every feature is 0.',
      default: true,
    },
    l2: {
      type: 'number',
      label: 'L2 penalty (ridge)',
      help: 'Shrinks the weights towards zero; helps when features are many or strongly related. 0 is plain least squares.',
      default: 0,
      min: 0,
      max: 1000000,
    },
  },
  model: {
    task: 'regression',
    python: (p, out) => {
      const l2 = Number(pyNumber(p.l2, 'l2'));
      const intercept = p.fitIntercept ? 'True' : 'False';
      if (l2 === 0) return pyModel(out, 'sklearn.linear_model', 'LinearRegression', [`fit_intercept=${intercept}`]);
      return pyModel(out, 'sklearn.linear_model', 'Ridge', [`alpha=${l2}`, `fit_intercept=${intercept}`]);
    },
  },
});

/** Ordinary least squares (ridge when the L2 penalty is above 0), solved exactly in float64. */
export const linearRegression = defineStep(linearRegressionDescription, {
  async run(_ctx, input, params) {
    const data = regressionInput(input, 'Linear regression');
    const columns = data.features.map((f) => f.values);
    const { coef, intercept } = fitLeastSquares(columns, data.target.values, data.split.train, params.l2, params.fitIntercept);
    const values = new Float64Array(data.rowCount);
    for (let i = 0; i < data.rowCount; i++) {
      let v = intercept;
      for (let p = 0; p < columns.length; p++) v += coef[p] * columns[p][i];
      values[i] = v;
    }
    return {
      ...input,
      model: {
        kind: 'model.linear-regression',
        weights: [
          { name: 'coef', shape: [coef.length], values: coef },
          { name: 'intercept', shape: [1], values: Float64Array.of(intercept) },
        ],
        info: { features: data.features.map((f) => f.name) },
      },
      predictions: { task: 'regression', values },
      history: null,
      evaluation: null,
    };
  },
  fitted: {
    predict: (model, x) => {
      const coef = weightValues(model, 'coef');
      const intercept = weightValues(model, 'intercept')[0];
      const d = coef.length;
      return Float64Array.from({ length: x.length / d }, (_, i) => {
        let v = intercept;
        for (let p = 0; p < d; p++) v += coef[p] * x[i * d + p];
        return v;
      });
    },
    layers: (tf, model) => {
      const coef = weightValues(model, 'coef');
      const seq = tf.sequential();
      seq.add(tf.layers.dense({ units: 1, inputShape: [coef.length] }));
      const tensors = [tf.tensor(Float32Array.from(coef), [coef.length, 1]), tf.tensor(Float32Array.from(weightValues(model, 'intercept')), [1])];
      try {
        seq.setWeights(tensors);
      } finally {
        tensors.forEach((t) => t.dispose());
      }
      return seq;
    },
  },
});
