import { describe, expect, it } from 'vitest';
import { browserDataSource } from '../../src/worker/browser-data-source';

const iris = { origin: 'pipelab', file: 'iris.csv', format: 'csv' } as const;

describe('browserDataSource', () => {
  it('fetches a bundled file once per worker and serves the same text to later runs', async () => {
    const asked: string[] = [];
    const source = browserDataSource('/app/', async (url) => {
      asked.push(String(url));
      return new Response(`text of ${String(url)}`);
    });
    expect(await source.load(iris)).toBe('text of /app/datasets/iris.csv');
    expect(await source.load(iris)).toBe('text of /app/datasets/iris.csv');
    expect(asked).toEqual(['/app/datasets/iris.csv']);
  });

  it('does not remember a failed fetch: the next run asks again', async () => {
    let calls = 0;
    const source = browserDataSource('/', async () => (++calls === 1 ? new Response('gone', { status: 503 }) : new Response('a,b\n1,2\n')));
    await expect(source.load(iris)).rejects.toThrow('HTTP 503 for iris.csv');
    expect(await source.load(iris)).toBe('a,b\n1,2\n');
    expect(calls).toBe(2);
  });
});
