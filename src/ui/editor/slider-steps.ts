/**
 * The values a log-scale slider offers (as in TensorFlow Playground): 1 and 3 in every
 * decade between min and max (a learning rate gets 0.00001, 0.00003, 0.0001 … 3, 10),
 * plus the bounds themselves when they fall between those values.
 */
export function logPresets(min: number, max: number): number[] {
  const out = new Set<number>([min, max]);
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of [1, 3]) {
      const v = Number((m * 10 ** k).toPrecision(1));
      if (v >= min && v <= max) out.add(v);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Index of the preset nearest `value` on a log scale (a typed value between presets shows at the nearest one). */
export function nearestPreset(presets: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < presets.length; i++) {
    if (Math.abs(Math.log10(presets[i] / value)) < Math.abs(Math.log10(presets[best] / value))) best = i;
  }
  return best;
}

/**
 * The step of a linear slider: the schema's own, 1 for integers, otherwise a power of ten
 * (0.01, 0.1, 1 …) giving about 100 positions, so every position is a clean value.
 */
export function linearStep(min: number, max: number, integer: boolean, step?: number): number {
  if (step) return step;
  if (integer) return 1;
  return 10 ** Math.floor(Math.log10((max - min) / 100));
}

/** Rounds a slider position to the step's decimals (0.1 + 0.2 shows as 0.3). */
export function snapToStep(raw: number, min: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((min + Math.round((raw - min) / step) * step).toFixed(decimals));
}
