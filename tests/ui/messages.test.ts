import { describe, expect, it } from 'vitest';
import { MessageStore } from '../../src/ui/state/messages.svelte';

// The message store the state objects post to instead of writing each other's error fields.

describe('MessageStore', () => {
  it('keeps one message per source: a new one replaces it, clear removes only that source', () => {
    const store = new MessageStore();
    store.post('run', 'error', 'the run failed');
    store.post('storage', 'error', 'storage is full');
    store.post('run', 'info', 'the run was cancelled');
    expect(store.list.map((m) => `${m.source}:${m.kind}`)).toEqual(['storage:error', 'run:info']);
    expect(store.latest('error', 'run')).toBeNull();
    expect(store.latest('info', 'run')).toBe('the run was cancelled');
    store.clear('run');
    store.clear('nobody'); // clearing a silent source changes nothing
    expect(store.list).toEqual([{ source: 'storage', kind: 'error', text: 'storage is full' }]);
  });

  it('latest gives the newest message of a kind among the sources asked, and ignores the others', () => {
    const store = new MessageStore();
    expect(store.latest('error', 'run', 'app')).toBeNull();
    store.post('run', 'error', 'first');
    store.post('storage', 'error', 'elsewhere');
    store.post('app', 'error', 'second');
    expect(store.latest('error', 'run', 'app')).toBe('second');
    store.post('run', 'error', 'third');
    expect(store.latest('error', 'run', 'app')).toBe('third');
    expect(store.latest('error', 'storage')).toBe('elsewhere');
    expect(store.latest('info', 'run', 'app', 'storage')).toBeNull();
  });
});
