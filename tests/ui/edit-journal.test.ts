import { describe, expect, it } from 'vitest';
import { EditJournal, parseEntry, type JournalEntry } from '../../src/ui/state/edit-journal';
import { loadExample } from '../helpers';
import { MemoryLocks, MemoryStorage } from './journal-fakes';

const edit = (seed: number) => ({ pipelineId: 'p1', spec: { ...loadExample('iris-logreg'), seed }, baseRev: 3, keepBase: false });

describe('EditJournal', () => {
  it('keeps one entry per tab, the latest edit, until cleared', () => {
    const storage = new MemoryStorage();
    const journal = new EditJournal('tab-a', storage, null);
    expect(journal.write(edit(1))).toBe(true);
    expect(journal.write(edit(2))).toBe(true);
    expect(storage.length).toBe(1);
    expect(parseEntry(storage.getItem(storage.key(0)!))).toMatchObject({ tabId: 'tab-a', pipelineId: 'p1', baseRev: 3, spec: { seed: 2 } });
    journal.clear();
    expect(storage.length).toBe(0);
  });

  it('answers false when the storage refuses the write (full), and throws nothing', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(new EditJournal('tab-a', full, null).write(edit(1))).toBe(false);
    expect(new EditJournal('tab-a', null, null).write(edit(1))).toBe(false);
  });

  it('recovers only the entries of tabs that are gone, never its own', async () => {
    const storage = new MemoryStorage();
    const locks = new MemoryLocks();
    const alive = new EditJournal('alive', storage, locks);
    alive.hold();
    alive.write(edit(1));
    new EditJournal('gone', storage, locks).write(edit(2));
    const me = new EditJournal('me', storage, locks);
    me.write(edit(3));
    const seen: JournalEntry[] = [];
    await me.recoverOrphans(async (e) => (seen.push(e), true));
    expect(seen.map((e) => [e.tabId, e.spec.seed])).toEqual([['gone', 2]]);
    expect(storage.length).toBe(2);
    alive.close();
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toMatchObject({ tabId: 'alive', spec: { seed: 1 } });
    await expect.poll(() => storage.length).toBe(1);
  });

  it('keeps an entry that could not be saved (recover answers false) for the next load', async () => {
    const storage = new MemoryStorage();
    new EditJournal('gone', storage, null).write(edit(2));
    await new EditJournal('me', storage, null).recoverOrphans(async () => false);
    expect(storage.length).toBe(1);
    await new EditJournal('later', storage, null).recoverOrphans(async () => true);
    expect(storage.length).toBe(0);
  });

  it('drops entries that are not of its shape without handing them on', async () => {
    for (const text of ['{', 'null', '{"tabId":"x","pipelineId":"p","baseRev":1,"spec":{"format":"other","steps":[]}}', '{"tabId":"x","pipelineId":"p","baseRev":"1","spec":{"format":"pipelab/pipeline","steps":[]}}']) {
      expect(parseEntry(text)).toBeNull();
    }
    const storage = new MemoryStorage();
    storage.setItem('pipelab:unsaved:broken', '{');
    const seen: unknown[] = [];
    await new EditJournal('me', storage, null).recoverOrphans(async (e) => (seen.push(e), true));
    expect(seen).toEqual([]);
    expect(storage.length).toBe(0);
  });
});
