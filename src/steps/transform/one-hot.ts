import { pyStep } from './transform-python';
import { describeStep } from '../../core/step-description';
import { MISSING_CODE, makeTable, numericColumn, type Column } from '../../core/table';
import { defineStep } from '../step';
import { fitRows, requireTable } from '../require-input';

/** What the palette, forms and restore know of `oneHot`: plain data, no code. */
export const oneHotDescription = describeStep({
  kind: 'transform.one-hot',
  version: 1,
  category: 'transform',
  label: 'One-hot encode',
  keywords: ['OneHotEncoder', 'one-hot', 'dummies', 'get_dummies', 'dummy variables', 'categorical'],
  help: 'Replaces each text column (such as island) with one 0/1 column per value, so a model can use it. Values unseen in training become all zeros.',
  usesRandomness: false,
  needs: ['labels'],
  fitsOnData: true,
  params: {},
  transform: { python: (_p, out) => pyStep(out, 'oneHot', 'OneHot()') },
});

/** Turns every categorical feature into one 0/1 column per category seen in the training rows. */
export const oneHot = defineStep(oneHotDescription, {
  async run(ctx, input) {
    const data = requireTable(input, 'One-hot encoding');
    const rows = fitRows(input, data.table.rowCount);
    const fitted: Record<string, string[]> = {};
    const columns = data.table.columns.flatMap((col): Column[] => {
      if (col.type !== 'categorical' || col.name === data.target) return [col];
      const seen = new Set<number>();
      for (let i = 0; i < rows.length; i++) if (col.codes[rows[i]] !== MISSING_CODE) seen.add(col.codes[rows[i]]);
      const kept = [...seen].sort((a, b) => a - b);
      fitted[col.name] = kept.map((code) => col.categories[code]);
      return kept.map((code) =>
        numericColumn(`${col.name}=${col.categories[code]}`, Float64Array.from(col.codes, (c) => (c === code ? 1 : 0))),
      );
    });
    return { ...input, table: makeTable(columns), fitted: { ...input.fitted, [ctx.stepId]: fitted } };
  },
});
