import { describe, expect, it } from 'vitest';
import { linearStep, logPresets, nearestPreset, snapToStep } from '../../src/ui/editor/slider-steps';

describe('slider steps land on clean values', () => {
  it('offers a learning rate 0.00001 … 10 as 1 and 3 per decade', () => {
    expect(logPresets(0.00001, 10)).toEqual([0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
  });

  it('one step down from 0.1 is 0.03, one up is 0.3 (never 0.098)', () => {
    const presets = logPresets(0.00001, 10);
    const i = nearestPreset(presets, 0.1);
    expect([presets[i - 1], presets[i], presets[i + 1]]).toEqual([0.03, 0.1, 0.3]);
  });

  it('keeps bounds that fall between presets and shows a typed value at the nearest preset', () => {
    expect(logPresets(0.002, 0.5)).toEqual([0.002, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5]);
    const presets = logPresets(1e-15, 1);
    expect(presets[0]).toBe(1e-15);
    expect(presets[nearestPreset(presets, 1e-9)]).toBe(1e-9);
    expect(presets[nearestPreset(presets, 0.0123)]).toBe(0.01);
  });

  it('gives linear sliders a power-of-ten step and rounds positions to it', () => {
    expect(linearStep(0.05, 0.9, false)).toBe(0.001);
    expect(linearStep(0, 1, false)).toBe(0.01);
    expect(linearStep(1, 2000, true)).toBe(1);
    expect(linearStep(0, 1, false, 0.05)).toBe(0.05);
    expect(snapToStep(0.1 + 0.2, 0, 0.01)).toBe(0.3);
    expect(snapToStep(0.30000000000000004 - 0.01, 0.05, 0.001)).toBe(0.29);
  });
});
