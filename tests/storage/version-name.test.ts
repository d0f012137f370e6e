import { describe, expect, it } from 'vitest';
import { freshDb } from './helpers';
import { createPipeline, savePipelineSpec } from '../../src/storage/pipelines-repo';
import { recordVersion, restoreVersion } from '../../src/storage/versions-repo';
import { GALLERY } from '../../src/ui/gallery/gallery';

describe('restoring a version', () => {
  it('brings back its steps and seed but keeps the pipeline name of today', async () => {
    const d = freshDb().db;
    const iris = structuredClone(GALLERY.find((g) => g.id === 'iris-logreg')!.spec);
    const p = await createPipeline(d, { ...iris, name: 'Old name', seed: 7 }, 'tab');
    const old = await recordVersion(d, p.id, { ...iris, name: 'Old name', seed: 7 }, 'run');
    const renamed = { ...iris, name: 'Lesson 3: iris', seed: 99 };
    await savePipelineSpec(d, p.id, renamed, p.rev, 'tab');
    const spec = await restoreVersion(d, p.id, old, 'tab');
    expect(spec.seed).toBe(7);
    expect(spec.name).toBe('Lesson 3: iris');
    const row = await d.pipelines.get(p.id);
    expect(row?.spec.name).toBe('Lesson 3: iris');
    expect(row?.spec.seed).toBe(7);
    expect(row?.name).toBe('Lesson 3: iris');
  });
});
