import { describe, expect, it } from 'vitest';
import type { NetworkWeights } from '../../src/engine/network-weights';
import { networkLayout, weightGroups, WEIGHT_STEPS } from '../../src/ui/charts/network-layout';

const net: NetworkWeights = {
  kind: 'model.mlp-classifier',
  sizes: [2, 3, 2],
  activation: 'relu',
  inputNames: ['x', 'y'],
  outputNames: ['blue', 'orange'],
  kernels: [Float32Array.from([1, -2, 0.5, 0, 4, -1]), Float32Array.from([2, -2, 1, 0, -0.5, 0.25])],
};

describe('networkLayout', () => {
  it('draws every unit and weight of a small network, scaled by the largest weight', () => {
    const layout = networkLayout(net);
    expect(layout.units).toHaveLength(7);
    expect(layout.lines).toHaveLength(12);
    expect(layout.omittedUnits).toBe(0);
    expect(layout.omittedWeights).toBe(0);
    expect(layout.units.map((u) => u.name)).toEqual(['x', 'y', 'hidden 1.1', 'hidden 1.2', 'hidden 1.3', 'blue', 'orange']);
    const y2h2 = layout.lines.find((l) => l.from.name === 'y' && l.to.name === 'hidden 1.2')!;
    expect(y2h2.value).toBe(4);
    expect(y2h2.strength).toBe(1);
    expect(layout.lines.find((l) => l.from.name === 'x' && l.to.name === 'hidden 1.2')!.strength).toBe(0.5);
    expect(layout.units.filter((u) => u.layer === 2).map((u) => u.x)).toEqual([1, 1]);
  });

  it('caps wide layers and counts what it leaves out', () => {
    const wide: NetworkWeights = { ...net, sizes: [2, 100, 2], kernels: [new Float32Array(200).fill(1), new Float32Array(200).fill(-1)] };
    const layout = networkLayout(wide, 10);
    expect(layout.units).toHaveLength(14);
    expect(layout.omittedUnits).toBe(90);
    expect(layout.lines).toHaveLength(40);
    expect(layout.omittedWeights).toBe(360);
    expect(layout.totalUnits).toBe(104);
  });

  it('draws the weights as one path per sign and size step, every weight once, the largest last', () => {
    const layout = networkLayout(net);
    const paths = weightGroups(layout.lines, (x) => x * 100, (y) => y * 50);
    // One move-and-line per weight, in all: 12, as many as there are weights.
    expect(paths.reduce((n, p) => n + p.count, 0)).toBe(12);
    expect(paths.reduce((n, p) => n + (p.d.match(/M/g) ?? []).length, 0)).toBe(12);
    // y → hidden 1.2 (4, the largest) is drawn alone at full width, on top; zero weights at the thinnest.
    const last = paths[paths.length - 1];
    expect(last).toMatchObject({ stroke: '#1f77b4', count: 1, width: 3.75, opacity: 0.9 });
    expect(last.d).toBe(`M0.0 ${(layout.lines.find((l) => l.value === 4)!.from.y * 50).toFixed(1)}L50.0 ${(layout.lines.find((l) => l.value === 4)!.to.y * 50).toFixed(1)}`);
    expect(paths[0]).toMatchObject({ width: 0.25, opacity: 0.15 });
    // Negative weights are orange; the sizes are rounded to WEIGHT_STEPS steps.
    expect(new Set(paths.map((p) => p.stroke))).toEqual(new Set(['#1f77b4', '#e8710a']));
    const half = paths.find((p) => p.key === `#1f77b4-${Math.round(0.5 * (WEIGHT_STEPS - 1))}`)!;
    expect(half.count).toBeGreaterThanOrEqual(1);
  });
});
