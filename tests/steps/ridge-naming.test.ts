import { describe, expect, it } from 'vitest';
import { stepCatalog } from '../../src/steps/catalog';

describe('linear regression with an L2 penalty', () => {
  it('is findable as ridge in the palette (label, help and the penalty param) without renaming the kind', () => {
    const step = stepCatalog.describe('model.linear-regression')!;
    expect(step.label).toMatch(/ridge/i);
    expect(step.help).toMatch(/ridge/i);
    expect(step.params.l2.label).toMatch(/ridge/i);
  });
});
