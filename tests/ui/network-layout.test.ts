import { describe, expect, it } from 'vitest';
import type { NetworkWeights } from '../../src/engine/network-weights';
import { networkLayout } from '../../src/ui/charts/network-layout';

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
});
