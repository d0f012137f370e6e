import { describeStep } from '../../core/step-description';
import { StepInputError } from '../../core/errors';
import type { ClassifierInfo, FittedModel } from '../../core/state';
import { pyModel, pyNumber } from '../../core/python-code';
import { defineStep } from '../step';
import { classificationInput } from './inputs/design-matrix';
import { fitNaiveBayes, jointLogLikelihood, probabilitiesFromLogLikelihood, type NaiveBayesFit } from './bayes/naive-bayes-core';
import { argmaxRows, classifierOutput, rowMajor64, weightValues } from './inputs/rows';

/** What a fitted Gaussian naive Bayes model records besides its weights: the variance smoothing it used. */
export type NaiveBayesInfo = ClassifierInfo & { readonly epsilon: number };

/** The fitted means, variances and priors of a Gaussian naive Bayes model, for replaying it on new rows. */
export function naiveBayesFitOf(model: FittedModel<NaiveBayesInfo>): NaiveBayesFit {
  return {
    mean: weightValues(model, 'mean') as Float64Array,
    variance: weightValues(model, 'variance') as Float64Array,
    prior: weightValues(model, 'prior') as Float64Array,
    epsilon: model.info.epsilon,
  };
}

/** What the palette, forms and restore know of `gaussianNb`: plain data, no code. */
export const gaussianNbDescription = describeStep({
  kind: 'model.gaussian-nb',
  version: 1,
  category: 'model',
  label: 'Gaussian naive Bayes',
  keywords: ['GaussianNB', 'naive Bayes', 'Bayes classifier', 'NB'],
  help: 'Models each class as a bell curve along every feature, as if features were independent. Very fast, needs little data, draws curved boundaries.',
  usesRandomness: false,
  params: {
    varSmoothing: {
      type: 'number',
      label: 'Variance smoothing',
      help: 'Adds this share of the largest feature variance to every variance, so a feature that barely varies within a class cannot dominate. Raise it if predictions look overconfident.',
      default: 1e-9,
      min: 1e-15,
      max: 1,
      log: true,
    },
  },
  model: {
    task: 'classification',
    python: (p, out) => pyModel(out, 'sklearn.naive_bayes', 'GaussianNB', [`var_smoothing=${pyNumber(p.varSmoothing, 'varSmoothing')}`]),
  },
});

/** Gaussian naive Bayes: each class is a bell curve per feature, features treated as independent. */
export const gaussianNb = defineStep(gaussianNbDescription, {
  async run(_ctx, input, params) {
    const data = classificationInput(input, 'Gaussian naive Bayes');
    const classes = data.target.categories;
    const d = data.features.length;
    const train = data.split.train;
    const codes = Int32Array.from(train, (r) => data.target.codes[r]);
    const fit = fitNaiveBayes(rowMajor64(data.features, train, data.rowCount), d, codes, classes.length, params.varSmoothing);
    if (fit.epsilon === 0) {
      throw new StepInputError('Gaussian naive Bayes needs features that vary, but every feature is constant on the training rows: use other features or more rows.');
    }
    const jll = jointLogLikelihood(fit, rowMajor64(data.features, null, data.rowCount), d);
    const model: FittedModel<NaiveBayesInfo> = {
      kind: 'model.gaussian-nb',
      weights: [
        { name: 'mean', shape: [classes.length, d], values: fit.mean },
        { name: 'variance', shape: [classes.length, d], values: fit.variance },
        { name: 'prior', shape: [classes.length], values: fit.prior },
      ],
      info: { features: data.features.map((f) => f.name), classes, epsilon: fit.epsilon },
    };
    return classifierOutput(input, model, probabilitiesFromLogLikelihood(jll, classes.length), argmaxRows(jll, classes.length), classes);
  },
  fitted: {
    predict: (model: FittedModel<NaiveBayesInfo>, x) => {
      const classes = model.info.classes.length;
      return probabilitiesFromLogLikelihood(jointLogLikelihood(naiveBayesFitOf(model), x, model.info.features.length), classes);
    },
  },
});
