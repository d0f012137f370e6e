// Shared helpers of the share-link tests: golden fixtures, hand-built links, and a guard against hangs.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { toBase64Url } from '../../src/share/base64url';
import { deflate } from '../../src/share/compress';
import { ShareError } from '../../src/share/share-error';

/** Where the golden links live (one URL per example, committed once, never regenerated). */
export const LINKS_DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'links');

/** The base URL the golden links were made on (the app as `npm start` serves it). */
export const GOLDEN_BASE = 'http://localhost:4173/';

/** Names of the committed golden links (tests/fixtures/links/<name>.txt). */
export function goldenLinkNames(): string[] {
  return readdirSync(LINKS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

/** The committed golden link of one example (the URL, without the trailing newline). */
export function goldenLink(name: string): string {
  return readFileSync(path.join(LINKS_DIR, `${name}.txt`), 'utf8').trim();
}

/** A link fragment built by hand exactly as the codec builds one: `share=<v>.` + base64url(deflate-raw(utf8(text))). */
export async function fragmentOf(text: string | Uint8Array, linkVersion: number | string = 1): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return `share=${linkVersion}.${toBase64Url(await deflate(bytes))}`;
}

/** A share document around `spec` (and optional extra top-level fields), as JSON text. */
export function shareJson(spec: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'pipelab/share', version: 1, spec, ...extra });
}

/** Settles `promise` within `ms`, or rejects with a 'TIMEOUT' error: a guard against hangs (a hang is a test failure), so `ms` is generous, never a speed bound. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`TIMEOUT after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What one decode attempt ended in. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs a decode within `ms` and reports its outcome (a timeout is thrown, failing the test). */
export async function outcome<T>(promise: Promise<T>, ms: number, what: string): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await within(promise, ms, what) };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('TIMEOUT')) throw error;
    return { ok: false, error };
  }
}

/** Asserts that a decode was refused with a ShareError (not a TypeError, RangeError, SyntaxError…) and returns its message. */
export function expectShareError(result: Outcome<unknown>, what: string): string {
  expect(result.ok, `${what} should be refused`).toBe(false);
  const error = (result as { error: unknown }).error;
  expect(error, `${what}: ${String(error)}`).toBeInstanceOf(ShareError);
  const message = (error as Error).message;
  expect(message.length, `${what}: the message should say something`).toBeGreaterThan(10);
  return message;
}
