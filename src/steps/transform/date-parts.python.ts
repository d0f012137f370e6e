import { describePython } from '../../core/step-description';
import { pyBool, pyStrings } from '../../core/python-code';
import { datePartsDescription } from './date-parts';
import { pyColumns, pyStep } from './transform-python';

/** Each part's param and column suffix (as the Python script names its columns). */
const DATE_PARTS = [['year', 'year'], ['month', 'month'], ['dayOfWeek', 'day_of_week'], ['dayOfYear', 'day_of_year'], ['hour', 'hour']] as const;

/** DateParts's part of the Python export (loaded with the export only, see src/steps/python-catalog.ts). */
export const datePartsPython = describePython(datePartsDescription, { transform: {
  python: (p, out) => {
    const parts = DATE_PARTS.filter(([key]) => p[key]).map(([, suffix]) => suffix);
    return pyStep(out, 'dateParts', `DateParts(${pyColumns(p.columns)}, ${pyStrings(parts, 'date parts')}, ${pyBool(p.cyclical)})`);
  },
  pythonNotes: () => [
    "Date parts: the script reads a column's date format (day or month first, with or without a time) from the rows the step is fitted on, " +
      "pipelab from every row of the column; the two differ only when the test rows alone tell day from month. Its sine and cosine are Python's, " +
      "which may differ from pipelab's in the last bit.",
  ],
} });
