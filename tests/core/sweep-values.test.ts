import { describe, expect, it } from 'vitest';
import type { NumberParam } from '../../src/core/params';
import { SpecError } from '../../src/core/errors';
import { bestSetting, settingLabel, summarizeSettings, type SweepResult } from '../../src/core/sweep-summary';
import { MAX_AXIS_VALUES, isSweepable, parseNumberValues, rangeValues } from '../../src/core/sweep-values';

const rate: NumberParam = { type: 'number', label: 'Learning rate', help: '', default: 0.1, min: 0.0001, max: 10, log: true };
const epochs: NumberParam = { type: 'number', label: 'Epochs', help: '', default: 100, min: 1, max: 1000, integer: true };

describe('sweep values typed by the user', () => {
  it('reads a list separated by commas, semicolons or spaces, dropping repeats and keeping order', () => {
    expect(parseNumberValues('0.01, 0.1, 1', 'list', rate, 'model.learningRate')).toEqual([0.01, 0.1, 1]);
    expect(parseNumberValues(' 1;0.5  0.5,2 ', 'list', rate, 'p')).toEqual([1, 0.5, 2]);
  });

  it('reads a linear range "from, to, count" with both ends included', () => {
    expect(parseNumberValues('0, 1, 5', 'linear', { ...rate, min: 0 }, 'p')).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(parseNumberValues('0.1, 0.3, 3', 'linear', rate, 'p')).toEqual([0.1, 0.2, 0.3]);
  });

  it('reads a log range as round decades, not 0.009999999999999998', () => {
    expect(parseNumberValues('0.001, 1, 4', 'log', rate, 'p')).toEqual([0.001, 0.01, 0.1, 1]);
    expect(rangeValues(1, 100, 5, 'log')).toEqual([1, 3.16227766017, 10, 31.6227766017, 100]);
  });

  it('rounds ranges of integer params to integers and drops the repeats that makes', () => {
    expect(parseNumberValues('10, 20, 3', 'linear', epochs, 'model.epochs')).toEqual([10, 15, 20]);
    expect(parseNumberValues('1, 3, 5', 'linear', epochs, 'model.epochs')).toEqual([1, 2, 3]);
    expect(parseNumberValues('1, 1000, 4', 'log', epochs, 'model.epochs')).toEqual([1, 10, 100, 1000]);
  });

  it('a count of one gives the start alone', () => {
    expect(rangeValues(0.5, 2, 1, 'linear')).toEqual([0.5]);
  });

  it('says what was expected and what arrived', () => {
    const err = (text: string, mode: 'list' | 'linear' | 'log', schema = rate) => {
      try {
        parseNumberValues(text, mode, schema, 'model.learningRate');
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError);
        return (e as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(err('0.1, fast', 'list')).toBe('model.learningRate: expected numbers separated by commas (e.g. 0.01, 0.1, 1), got "fast"');
    expect(err('', 'list')).toMatch(/got nothing/);
    expect(err('0.1, 1', 'linear')).toMatch(/three numbers: from, to, count .* got 2 numbers/);
    expect(err('0.1, 1, 2.5', 'linear')).toMatch(/a count \(the third number\) from 1 to 50, got 2.5/);
    expect(err('0, 1, 3', 'log', { ...rate, min: 0 })).toMatch(/log range between two positive numbers, got 0 to 1/);
    expect(err('0.1, 20', 'list')).toBe('model.learningRate: expected numbers from 0.0001 to 10, got 20');
    expect(err('1.5', 'list', epochs)).toMatch(/expected integers from 1 to 1000, got 1.5/);
    expect(err(`1, 2, ${MAX_AXIS_VALUES + 1}`, 'linear')).toMatch(/from 1 to 50, got 51/);
  });

  it('numbers, choices and booleans can be swept; lists and text cannot', () => {
    expect(isSweepable(rate)).toBe(true);
    expect(isSweepable({ type: 'boolean', label: '', help: '', default: true })).toBe(true);
    expect(isSweepable({ type: 'int-list', label: '', help: '', default: [8], min: 1, max: 64, minLength: 1, maxLength: 3 })).toBe(false);
  });
});

describe('ranking the settings of a sweep', () => {
  const point = (lr: number, seed: number, status: string, accuracy?: number): SweepResult => ({
    settings: { 'model.learningRate': lr }, seed, status, metrics: accuracy === undefined ? {} : { accuracy, logLoss: 1 - accuracy },
  });
  const points = [
    point(0.01, 42, 'done', 0.8), point(0.01, 43, 'done', 0.9),
    point(0.1, 42, 'done', 0.9), point(0.1, 43, 'done', 0.95),
    point(1, 42, 'failed'), point(1, 43, 'queued'),
  ];

  it('groups points by setting in grid order, with the mean over the finished seeds', () => {
    const s = summarizeSettings(points, 'accuracy');
    expect(s.map((x) => [x.settings['model.learningRate'], x.points, x.values.length])).toEqual([[0.01, [0, 1], 2], [0.1, [2, 3], 2], [1, [4, 5], 0]]);
    expect(s[0].mean).toBeCloseTo(0.85, 12);
    expect(s[2].mean).toBeNull();
  });

  it('picks the highest mean, or the lowest for a loss; nothing before a setting finished', () => {
    expect(bestSetting(summarizeSettings(points, 'accuracy'), false)?.settings).toEqual({ 'model.learningRate': 0.1 });
    expect(bestSetting(summarizeSettings(points, 'logLoss'), true)?.settings).toEqual({ 'model.learningRate': 0.1 });
    expect(bestSetting(summarizeSettings(points.slice(4), 'accuracy'), false)).toBeNull();
  });

  it('labels a setting by param names, with step ids only when two steps share a name', () => {
    expect(settingLabel({ 'model.learningRate': 0.1, 'model.l2': 0 })).toBe('learningRate=0.1, l2=0');
    expect(settingLabel({ 'a.k': 3, 'b.k': true })).toBe('a.k=3, b.k=on');
  });
});
