// Assignment links: a share link plus options, decoded through the one restore path; examples stay short.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignmentId, assignmentUrl, decodeAssignmentLink } from '../../src/class/assignment';
import { decodeShare, encodeShareFragment } from '../../src/share/link-codec';
import { restorePipeline } from '../../src/core/restore';
import { stepCatalog } from '../../src/steps/catalog';
import { browserFamily, osFamily } from '../../src/class/env-family';

const iris = restorePipeline(JSON.parse(readFileSync('examples/iris-logreg.json', 'utf8')), stepCatalog);
const expected = { resultHash: 'a'.repeat(64), backend: 'cpu', floatPrecision: 32, tfjsVersion: '4.22.0', appVersion: '0.1.0', engineVersion: '1', metrics: { accuracy: 0.9211, macroF1: 0.92 } };

describe('assignment links', () => {
  it('carry the options and open as an ordinary share link in a pipelab that ignores them', async () => {
    const id = await assignmentId('f'.repeat(64), true, 'locked', 1_700_000_000_000);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const url = await assignmentUrl({ spec: iris, expected, data: [] }, { id, hideResult: true, seed: 'locked' }, 'https://p.example/');
    const opened = await decodeAssignmentLink(url);
    expect(opened.assignment).toEqual({ id, hideResult: true, seed: 'locked' });
    expect(opened.payload.spec).toEqual(iris);
    expect((await decodeShare(url)).spec).toEqual(iris);
  });

  it('a plain share link has no assignment; damaged options are refused', async () => {
    expect((await decodeAssignmentLink(await encodeShareFragment({ spec: iris, expected: null, data: [] }))).assignment).toBeNull();
    const bad = await encodeShareFragment({ spec: iris, expected: null, data: [] }, { assignment: { id: 'x', hideResult: true, seed: 'locked' } });
    await expect(decodeAssignmentLink(bad)).rejects.toThrow(/assignment id/);
    const badSeed = await encodeShareFragment({ spec: iris, expected: null, data: [] }, { assignment: { id: 'a'.repeat(12), hideResult: false, seed: 'any' } });
    await expect(decodeAssignmentLink(badSeed)).rejects.toThrow(/seed option/);
  });

  it('every example with a result makes an assignment link of at most 1,000 characters', async () => {
    const base = 'https://pipelab.example.org/'; // a realistic deployment address (28 characters)
    for (const file of readdirSync('examples')) {
      const spec = restorePipeline(JSON.parse(readFileSync(`examples/${file}`, 'utf8')), stepCatalog);
      const url = await assignmentUrl({ spec, expected, data: [] }, { id: 'a'.repeat(12), hideResult: true, seed: 'locked' }, base);
      expect(url.length, file).toBeLessThanOrEqual(1000);
    }
  });

  it('names browser and OS families from user agents', () => {
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    expect([browserFamily(android), osFamily(android)]).toEqual(['Chrome', 'Android']);
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect([browserFamily(iphone), osFamily(iphone)]).toEqual(['Safari', 'iOS']);
    expect(browserFamily('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 Edg/126.0')).toBe('Edge');
    expect([browserFamily('node v20.19.0'), osFamily('node v20.19.0', 'linux')]).toEqual(['Node', 'Linux']);
  });
});
