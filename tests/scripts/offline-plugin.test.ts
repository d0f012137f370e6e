import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheOf } from '../../scripts/offline-plugin';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function builtApp(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipelab-build-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const APP = { 'index.html': '<html>', 'assets/index-1.js': 'js', 'assets/index-1.js.map': '{}', 'datasets/iris.csv': 'a,b', 'sw.js': 'old worker' };

describe('the precache list of a build', () => {
  it('holds every file of the app, nested ones too, but not source maps or the worker script', () => {
    const list = precacheOf(builtApp(APP));
    expect(list.files).toEqual(['assets/index-1.js', 'datasets/iris.csv', 'index.html']);
    expect(list.bytes).toBe('js'.length + 'a,b'.length + '<html>'.length);
  });

  it('gets a new cache name when any file changes, even one whose name stays (a data set), and keeps it otherwise', () => {
    const a = precacheOf(builtApp(APP)).cacheName;
    expect(a).toMatch(/^pipelab-[0-9a-f]{16}$/);
    expect(precacheOf(builtApp(APP)).cacheName).toBe(a);
    expect(precacheOf(builtApp({ ...APP, 'datasets/iris.csv': 'a,c' })).cacheName).not.toBe(a);
    expect(precacheOf(builtApp({ ...APP, 'assets/index-1.js.map': 'changed' })).cacheName).toBe(a);
  });
});
