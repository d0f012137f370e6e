// Where the network view draws each unit and weight: layers as columns, units spread
// evenly down each column; a layer wider than the cap shows its first units and counts the rest.
import type { NetworkWeights } from '../../engine/network-weights';

/** Units drawn per layer at most (a few hundred in all for the usual networks). */
export const MAX_UNITS_PER_LAYER = 64;

/** One drawn unit: its layer, index in the layer, position (0…1 across, 0…1 down) and name. */
export interface UnitDot {
  readonly layer: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly name: string;
}

/** One drawn weight between two drawn units: its value and its size relative to the largest. */
export interface WeightLine {
  readonly from: UnitDot;
  readonly to: UnitDot;
  readonly value: number;
  /** |value| divided by the largest |value| in the network, 0…1. */
  readonly strength: number;
}

/** The drawing of a network, and how many units and weights it leaves out. */
export interface NetworkLayout {
  readonly units: UnitDot[];
  readonly lines: WeightLine[];
  readonly omittedUnits: number;
  readonly omittedWeights: number;
  readonly totalUnits: number;
}

/** Lays out `net` with at most `cap` units per layer. */
export function networkLayout(net: NetworkWeights, cap = MAX_UNITS_PER_LAYER): NetworkLayout {
  const layers = net.sizes.map((n, l) => {
    const shown = Math.min(n, cap);
    return Array.from({ length: shown }, (_, i): UnitDot => ({
      layer: l,
      index: i,
      x: net.sizes.length > 1 ? l / (net.sizes.length - 1) : 0.5,
      y: (i + 0.5) / shown,
      name: unitName(net, l, i),
    }));
  });
  const largest = net.kernels.reduce((m, k) => k.reduce((a, v) => Math.max(a, Math.abs(v)), m), 0) || 1;
  const lines: WeightLine[] = [];
  net.kernels.forEach((kernel, l) => {
    const fanOut = net.sizes[l + 1];
    for (const from of layers[l]) {
      for (const to of layers[l + 1]) {
        const value = kernel[from.index * fanOut + to.index];
        lines.push({ from, to, value, strength: Math.abs(value) / largest });
      }
    }
  });
  const totalUnits = net.sizes.reduce((a, n) => a + n, 0);
  const totalWeights = net.kernels.reduce((a, k) => a + k.length, 0);
  const units = layers.flat();
  return { units, lines, omittedUnits: totalUnits - units.length, omittedWeights: totalWeights - lines.length, totalUnits };
}

function unitName(net: NetworkWeights, layer: number, i: number): string {
  if (layer === 0) return net.inputNames[i] ?? `input ${i + 1}`;
  if (layer === net.sizes.length - 1) return net.outputNames[i] ?? `output ${i + 1}`;
  return `hidden ${layer}.${i + 1}`;
}

/** Steps of line width and opacity the weights are drawn in (a weight's size rounded to the nearest). */
export const WEIGHT_STEPS = 10;

/** One SVG path drawing every weight of one colour (sign) and size step. */
export interface WeightPath {
  readonly key: string;
  readonly stroke: string;
  readonly width: number;
  readonly opacity: number;
  /** The path data: one move-and-line per weight. */
  readonly d: string;
  /** Weights drawn in it. */
  readonly count: number;
}

/**
 * The weights grouped into one path per sign and size step (WEIGHT_STEPS), smallest first so
 * the largest are drawn on top: blue positive, orange negative, wider and more opaque when larger.
 * `px` and `py` map the layout's 0…1 positions to the drawing's coordinates.
 */
export function weightGroups(lines: readonly WeightLine[], px: (x: number) => number, py: (y: number) => number): WeightPath[] {
  const groups = new Map<string, { stroke: string; level: number; d: string[] }>();
  for (const line of lines) {
    const level = Math.round(line.strength * (WEIGHT_STEPS - 1));
    const stroke = line.value >= 0 ? '#1f77b4' : '#e8710a';
    const key = `${stroke}-${level}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { stroke, level, d: [] }));
    group.d.push(`M${px(line.from.x).toFixed(1)} ${py(line.from.y).toFixed(1)}L${px(line.to.x).toFixed(1)} ${py(line.to.y).toFixed(1)}`);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => a.level - b.level || a.stroke.localeCompare(b.stroke))
    .map(([key, g]) => {
      const strength = g.level / (WEIGHT_STEPS - 1);
      return { key, stroke: g.stroke, width: 0.25 + 3.5 * strength, opacity: 0.15 + 0.75 * strength, d: g.d.join(''), count: g.d.length };
    });
}
