// Result codes: round trip, validation of every field, hostile names, and a fuzz of 600 mutations.
import { describe, expect, it } from 'vitest';
import { decodeResultCode, encodeResultDocument, readResultDocument, resultDocument, resultUrl, type ResultCode } from '../../src/class/result-code';
import { cleanName, MAX_NAME } from '../../src/class/result-fields';
import { ShareError } from '../../src/share/share-error';
import { toBase64Url, fromBase64Url } from '../../src/share/base64url';
import { deflate } from '../../src/share/compress';
import { Prng } from '../../src/core/prng';
import { code } from './fixtures';

const BASE = 'https://pipelab.example/app/';

describe('result codes', () => {
  it('round-trip through a compact, versioned link', async () => {
    const url = await resultUrl(code(), BASE);
    expect(url.startsWith(`${BASE}#result=1.`)).toBe(true);
    expect(url.length).toBeLessThan(500);
    expect(await decodeResultCode(url)).toEqual(code());
    expect(await decodeResultCode(url.slice(url.indexOf('#') + 1))).toEqual(code()); // a bare fragment too
  });

  it('refuses a newer version, another format, and non-links with a clear message', async () => {
    const frag = await encodeResultDocument(resultDocument(code()));
    await expect(decodeResultCode(frag.replace('result=1.', 'result=2.'))).rejects.toThrow(/newer pipelab/);
    await expect(decodeResultCode('https://x/#share=1.abc')).rejects.toThrow(/not a pipelab result code/);
    await expect(decodeResultCode(await encodeResultDocument({ ...resultDocument(code()), f: 'evil' }))).rejects.toThrow(/format tag/);
    await expect(decodeResultCode('result=1.@@@')).rejects.toThrow(ShareError);
  });

  it('validates every field and names the one that is wrong', async () => {
    const bad: [string, unknown, RegExp][] = [
      ['a', 'zzz', /assignment id/], ['h', 'abc', /pipeline version/], ['s', -1, /seed/], ['s', 1.5, /seed/], ['b', '<b>', /backend/],
      ['p', 8, /precision/], ['br', 'Netscape', /browser/], ['os', 'Amiga', /operating system/], ['av', 'x y', /app version/],
      ['r', 'A'.repeat(16), /result hash/], ['st', [['model']], /step 1/], ['st', 'x', /step list/], ['m', { accuracy: 'high' }, /metric accuracy/],
      ['m', { '<x>': 1 }, /metric name/], ['n', 42, /name/], ['n', '\u0000\u0001 ', /name/], ['t', 'yesterday', /time/],
    ];
    for (const [key, value, message] of bad) {
      const doc = { ...resultDocument(code()), [key]: value };
      await expect(decodeResultCode(await encodeResultDocument(doc)), `${key}=${JSON.stringify(value)}`).rejects.toThrow(message);
    }
  });

  it('a hostile name (markup, 10 KB, control characters) decodes as plain, shortened text', async () => {
    const hostile = `<img src=x onerror=alert(1)>\u0000\u0007\u202e${'<b>x</b>'.repeat(1300)}`;
    expect(hostile.length).toBeGreaterThan(10_000);
    const decoded = await decodeResultCode(await encodeResultDocument({ ...resultDocument(code()), n: hostile }));
    expect(Array.from(decoded.name).length).toBeLessThanOrEqual(MAX_NAME);
    expect(decoded.name).toMatch(/^<img src=x onerror=alert\(1\)> <b>x<\/b>/);
    expect([...decoded.name].some((ch) => ch.charCodeAt(0) < 32 || ch === "\u202e")).toBe(false);
    expect(decoded.name.endsWith('…')).toBe(true);
  });

  it('cleanName collapses spaces and keeps short names as they are', () => {
    expect(cleanName('  Ada \n\t Lovelace ')).toBe('Ada Lovelace');
    expect(cleanName('Zoë 🧪')).toBe('Zoë 🧪');
  });

  it('fuzz: 600 mutated codes are each refused with a ShareError or decode to a valid code', async () => {
    const rng = new Prng(2026);
    const frag = await encodeResultDocument(resultDocument(code()));
    const body = frag.slice('result=1.'.length);
    const json = JSON.stringify(resultDocument(code()));
    let decoded = 0;
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const candidate = i % 2 === 0 ? mutateText(rng, body) : await encodeRaw(mutateText(rng, json));
      try {
        const c = await decodeResultCode(i % 2 === 0 ? `result=1.${candidate}` : candidate);
        expect(readResultDocument(resultDocument(c))).toEqual(c); // what decodes is valid and stable
        decoded++;
      } catch (err) {
        expect(err, `mutation ${i}`).toBeInstanceOf(ShareError);
        expect((err as Error).message.length).toBeGreaterThan(10);
        refused++;
      }
    }
    expect(decoded + refused).toBe(600);
    expect(refused).toBeGreaterThan(100);
  });

  it('fuzz: 200 byte-level mutations of the deflated data', async () => {
    const rng = new Prng(7);
    const bytes = fromBase64Url((await encodeResultDocument(resultDocument(code()))).slice('result=1.'.length));
    for (let i = 0; i < 200; i++) {
      const copy = bytes.slice();
      for (let k = 0; k <= rng.int(3); k++) copy[rng.int(copy.length)] ^= 1 << rng.int(8);
      try {
        const c: ResultCode = await decodeResultCode(`result=1.${toBase64Url(copy)}`);
        expect(c.assignment).toMatch(/^[0-9a-f]{12}$/);
      } catch (err) {
        expect(err).toBeInstanceOf(ShareError);
      }
    }
  });
});

async function encodeRaw(text: string): Promise<string> {
  return `result=1.${toBase64Url(await deflate(new TextEncoder().encode(text)))}`;
}

const PIECES = ['"', '{', '}', '[', ']', ',', ':', '0', '-1', '1e400', 'null', 'true', '"n"', '\\u0000', '<x>', 'é', '😀', 'A', '_', '.'];

function mutateText(rng: Prng, text: string): string {
  let out = text;
  for (let k = 0; k <= rng.int(3); k++) {
    const at = rng.int(out.length);
    const op = rng.int(4);
    if (op === 0) out = out.slice(0, at) + out.slice(at + 1 + rng.int(5));
    else if (op === 1) out = out.slice(0, at) + PIECES[rng.int(PIECES.length)] + out.slice(at);
    else if (op === 2) out = out.slice(0, at) + PIECES[rng.int(PIECES.length)] + out.slice(at + 1);
    else out = out.slice(0, at);
  }
  return out;
}
