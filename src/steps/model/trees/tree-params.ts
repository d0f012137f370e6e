import type { BooleanParam, ChoiceParam, NumberParam } from '../../../core/params';

/** Maximum-depth schema with a model-specific default. */
export function maxDepthParam(defaultValue: number): NumberParam {
  return {
    type: 'number',
    label: 'Maximum depth',
    help: 'How many questions a tree may ask in a row. Deeper trees fit the training rows more closely and overfit sooner.',
    default: defaultValue,
    min: 1,
    max: 30,
    integer: true,
  };
}

/** Minimum rows a node needs before it may be split. */
export const MIN_SAMPLES_SPLIT_PARAM: NumberParam = {
  type: 'number',
  label: 'Minimum rows to split',
  help: 'A node with fewer training rows than this becomes a leaf. Raise it to grow smaller, smoother trees.',
  default: 2,
  min: 2,
  max: 100,
  integer: true,
};

/** Minimum rows each side of a split keeps. */
export const MIN_SAMPLES_LEAF_PARAM: NumberParam = {
  type: 'number',
  label: 'Minimum rows per leaf',
  help: 'Every leaf keeps at least this many training rows, so no leaf answers for a single odd row. Raise it against overfitting.',
  default: 1,
  min: 1,
  max: 100,
  integer: true,
};

/** Split criterion of the classification trees. */
export const CRITERION_PARAM: ChoiceParam<'gini' | 'entropy'> = {
  type: 'choice',
  label: 'Split criterion',
  help: 'How the purity of a node is measured when choosing a split. Gini and entropy usually pick very similar trees.',
  default: 'gini',
  options: [
    { value: 'gini', label: 'Gini impurity' },
    { value: 'entropy', label: 'Entropy (information gain)' },
  ],
};

/** Number-of-trees schema of the random forests. */
export const TREES_PARAM: NumberParam = {
  type: 'number',
  label: 'Trees',
  help: 'How many trees vote. More trees give steadier predictions but take longer; the gain flattens after a few hundred.',
  default: 50,
  min: 1,
  max: 500,
  integer: true,
};

/** Features tried at each split of a forest's trees, with a model-specific default. */
export function maxFeaturesParam(defaultValue: 'sqrt' | 'all'): ChoiceParam<'sqrt' | 'all'> {
  return {
    type: 'choice',
    label: 'Features per split',
    help: 'How many randomly drawn features each split may choose from. Square root makes the trees differ more, which usually helps the vote.',
    default: defaultValue,
    options: [
      { value: 'sqrt', label: 'Square root of the feature count' },
      { value: 'all', label: 'All features' },
    ],
  };
}

/** Whether each forest tree trains on a bootstrap sample. */
export const BOOTSTRAP_PARAM: BooleanParam = {
  type: 'boolean',
  label: 'Bootstrap',
  help: 'Train each tree on rows drawn at random with replacement, so the trees see different data. Off: every tree sees every training row.',
  default: true,
};

/** The number of features a split may try for a max-features choice out of `d` features. */
export function featuresPerSplit(choice: string, d: number): number {
  return choice === 'sqrt' ? Math.max(1, Math.floor(Math.sqrt(d))) : d;
}
