import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binaryCurves } from '../../src/steps/evaluate/curves';
import { doc, run, spec } from '../helpers';

describe('ROC and precision-recall curves', () => {
  it('match a hand-worked case, with tied scores as one threshold', () => {
    // scores 0.9(+) 0.8(−) 0.8(+) 0.3(−): thresholds 0.9, 0.8, 0.3.
    // ROC points (0,0) (0,.5) (.5,1) (1,1): AUC = .5·(.5+1)/2 + .5·1 = .875 (ties counted half, as the trapezoid does).
    const c = binaryCurves([0.9, 0.8, 0.8, 0.3], [true, false, true, false]);
    expect(c.roc.x).toEqual([0, 0, 0.5, 1]);
    expect(c.roc.y).toEqual([0, 0.5, 1, 1]);
    expect(c.auc).toBeCloseTo(0.875, 12);
    // AP = .5·1 (first positive at precision 1) + .5·(2/3) = 0.8333…
    expect(c.averagePrecision).toBeCloseTo(0.5 + 0.5 * (2 / 3), 12);
  });

  it('give NaN when a class is absent', () => {
    expect(binaryCurves([0.1, 0.2], [false, false]).auc).toBeNaN();
  });

  it('agree with scikit-learn on a real classifier (breast cancer, logistic regression)', async () => {
    const { record, outputs } = await run(spec(doc([
      { id: 'data', kind: 'data.builtin', params: { name: 'breast_cancer' } },
      { id: 'split', kind: 'split.train-test' },
      { id: 'scale', kind: 'transform.standardize' },
      { id: 'model', kind: 'model.logistic-regression', params: { epochs: 5 } },
      { id: 'report', kind: 'evaluate.classification-report' },
    ])));
    expect(record.status).toBe('done');
    const state = outputs[outputs.length - 1].state;
    const test = Array.from(state.split!.test);
    const target = state.table!.columns.find((c) => c.name === 'diagnosis') as { codes: Int32Array };
    const y = test.map((r) => target.codes[r]);
    const s = test.map((r) => state.predictions!.probabilities![r * 2 + 1]);
    const py = `import json,sys\nfrom sklearn.metrics import roc_auc_score, average_precision_score\nd=json.load(sys.stdin)\nprint(json.dumps([roc_auc_score(d['y'], d['s']), average_precision_score(d['y'], d['s'])]))`;
    let out: string;
    try {
      out = execFileSync('/usr/bin/python3', ['-c', py], { input: JSON.stringify({ y, s }) }).toString();
    } catch (err) {
      throw new Error(`This test needs Debian's python3-sklearn (apt-get install -y python3-sklearn): ${(err as Error).message}`, { cause: err });
    }
    const [auc, ap] = JSON.parse(out);
    expect(record.metrics.auc).toBeCloseTo(auc, 12);
    expect(state.evaluation!.report!.curves[0].averagePrecision).toBeCloseTo(ap, 12);
    expect(state.evaluation!.report!.perClass.map((c) => c.support).reduce((a, b) => a + b)).toBe(test.length);
  });
});
