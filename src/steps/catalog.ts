import { metricTable, type MetricTable } from '../core/metric-schema';
import type { StepCatalog, StepDescription } from '../core/step-description';
import { builtinDatasetDescription } from './data/builtin';
import { noiseDatasetDescription } from './data/noise';
import { syntheticDatasetDescription } from './data/synthetic';
import { importedDatasetDescription } from './data/import';
import { evaluateClassificationDescription } from './evaluate/classification';
import { evaluateRegressionDescription } from './evaluate/regression';
import { classificationReportDescription } from './evaluate/report';
import { decisionTreeDescription, decisionTreeRegressorDescription } from './model/decision-tree';
import { gaussianNbDescription } from './model/gaussian-nb';
import { gradientBoostingDescription, gradientBoostingRegressorDescription } from './model/gradient-boosting';
import { knnClassifierDescription, knnRegressorDescription } from './model/knn';
import { linearRegressionDescription } from './model/linear-regression';
import { linearSvmDescription } from './model/linear-svm';
import { logisticRegressionDescription } from './model/logistic-regression';
import { mlpClassifierDescription } from './model/mlp-classifier';
import { mlpRegressorDescription } from './model/mlp-regressor';
import { randomForestDescription, randomForestRegressorDescription } from './model/random-forest';
import { kFoldSplitDescription } from './split/k-fold';
import { trainTestSplitDescription } from './split/train-test';
import { datePartsDescription } from './transform/date-parts';
import { dropColumnsDescription } from './transform/drop-columns';
import { dropMissingDescription } from './transform/drop-missing';
import { imputeDescription } from './transform/impute';
import { minMaxDescription } from './transform/min-max';
import { oneHotDescription } from './transform/one-hot';
import { ordinalEncodeDescription } from './transform/ordinal-encode';
import { pcaDescription } from './transform/pca';
import { polynomialDescription } from './transform/polynomial';
import { robustScaleDescription } from './transform/robust-scale';
import { selectColumnsDescription } from './transform/select-columns';
import { selectKBestDescription } from './transform/select-k-best';
import { standardizeDescription } from './transform/standardize';

// The main thread's view of the steps: descriptions only (each step file's code is
// tree-shaken away here; it loads in the worker and the CLI through registry.ts).

/** Every step kind's description, in palette order (the registry lists the same kinds in the same order; a test checks it). */
export const ALL_DESCRIPTIONS: readonly StepDescription[] = [
  builtinDatasetDescription,
  importedDatasetDescription,
  syntheticDatasetDescription,
  noiseDatasetDescription,
  trainTestSplitDescription,
  kFoldSplitDescription,
  dropMissingDescription,
  oneHotDescription,
  datePartsDescription,
  standardizeDescription,
  selectKBestDescription,
  imputeDescription,
  minMaxDescription,
  robustScaleDescription,
  ordinalEncodeDescription,
  polynomialDescription,
  pcaDescription,
  selectColumnsDescription,
  dropColumnsDescription,
  logisticRegressionDescription,
  mlpClassifierDescription,
  linearRegressionDescription,
  mlpRegressorDescription,
  knnClassifierDescription,
  gaussianNbDescription,
  decisionTreeDescription,
  randomForestDescription,
  linearSvmDescription,
  gradientBoostingDescription,
  knnRegressorDescription,
  decisionTreeRegressorDescription,
  randomForestRegressorDescription,
  gradientBoostingRegressorDescription,
  evaluateClassificationDescription,
  classificationReportDescription,
  evaluateRegressionDescription,
];

const BY_KIND = new Map(ALL_DESCRIPTIONS.map((s) => [s.kind, s]));

/** The catalog restore and the UI use: plain descriptions, no step code. */
export const stepCatalog: StepCatalog = {
  describe: (kind: string): StepDescription | undefined => BY_KIND.get(kind),
  kinds: () => ALL_DESCRIPTIONS.map((s) => s.kind),
};

/** Every metric the evaluate steps declare: what views, comparisons, sweep rankings and exports read. */
export const METRICS: MetricTable = metricTable(ALL_DESCRIPTIONS);
