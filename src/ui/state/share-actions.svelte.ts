// Share links: opening one (read-only, on the author's backend), forking it on the first
// edit, making a link of the open pipeline, and taking a file a shared pipeline needs.
// A .svelte.ts module: a fork snapshots the editor's spec with $state.snapshot.
import type { PipelineSpec } from '../../core/spec';
import { versionHash } from '../../engine/fingerprint';
import { appBaseUrl } from '../../share/location';
import type { SharePayload } from '../../share/share-payload';
import { saveRun } from '../../storage/runs-repo';
import { APP_MESSAGES, type AppHost } from './app-host';
import { followTeacher } from './live-glue';
import { checkSharedData, linkData } from './shared-data';

/** What opening a link needs of the app. */
export type OpenSharedHost = Pick<AppHost, 'editor' | 'runner' | 'workspace' | 'classroom' | 'messages' | 'link' | 'screen' | 'showRun' | 'leaveShared'>;

/** Opens a share link: the shared pipeline, read-only, on the author's backend when there is one. */
export async function openShared(app: OpenSharedHost, fragment: string): Promise<void> {
  try {
    const { decodeAssignmentLink } = await import('../../class/assignment'); // share links load their code when opened
    const { payload, assignment } = await decodeAssignmentLink(fragment);
    await app.workspace.flush();
    const data = await checkSharedData(app.workspace.db, payload);
    app.leaveShared();
    app.showRun(null);
    app.workspace.detach();
    app.editor.load(payload.spec);
    app.link.show(payload, app.editor.revision, data);
    app.classroom.opened(assignment);
    if (assignment?.live) void followTeacher(assignment.live, app.classroom);
    app.screen = 'editor';
    const backend = payload.expected?.backend;
    if (backend === 'cpu' || backend === 'wasm' || backend === 'webgl') await app.runner.useBackend(backend);
  } catch (err) {
    app.messages.clear(APP_MESSAGES.notice);
    app.messages.post(APP_MESSAGES.action, 'error', `This link cannot be opened: ${(err as Error).message} Nothing you had saved was changed.`);
  }
}

/** What forking a link needs of the app. */
export type ForkHost = Pick<AppHost, 'editor' | 'runner' | 'workspace' | 'messages' | 'link' | 'storage' | 'markStored'>;

/** The first edit of a shared pipeline (`payload`, taken with SharedLink.fork) makes the user's own fork; the link's original stays as it was. */
export async function forkShared(app: ForkHost, payload: SharePayload): Promise<void> {
  await app.link.keepData(app.workspace.db);
  const edited = $state.snapshot(app.editor.spec) as PipelineSpec;
  const forkedFrom = { name: payload.spec.name, versionHash: await versionHash(payload.spec), resultHash: payload.expected?.resultHash ?? null };
  const id = await app.workspace.fork(payload.spec, edited, forkedFrom);
  await keepReproducingRun(app, id, forkedFrom.versionHash);
  void app.storage.check(true);
  app.messages.post(APP_MESSAGES.notice, 'info', `This is now your own copy of “${payload.spec.name}”. The shared original is unchanged: open the link again to see it.`);
}

/** The user's run of the shared original (the one checked against the author's) goes into the fork's runs. */
async function keepReproducingRun(app: Pick<AppHost, 'runner' | 'workspace' | 'markStored'>, forkId: string | null, originalHash: string): Promise<void> {
  const view = app.runner.view;
  if (!forkId || !view || view.record.versionHash !== originalHash) return;
  const stored = await saveRun(app.workspace.db, forkId, view).catch(() => null);
  if (stored) app.markStored(view, stored.id);
}

/** A link to the pipeline as it is now, with the result on display when it belongs to this very version. */
export async function shareLink(app: Pick<AppHost, 'editor' | 'runner' | 'workspace'>): Promise<{ url: string; withResult: boolean }> {
  const spec = app.editor.snapshot();
  const [{ shareUrl }, { sharedResult }] = await Promise.all([import('../../share/link-codec'), import('../../share/share-payload')]);
  const record = app.runner.view?.record;
  const matches = record?.status === 'done' && record.versionHash === (await versionHash(spec));
  const expected = matches && record ? sharedResult(record) : null;
  const data = await linkData(app.workspace.db, spec);
  return { url: await shareUrl({ spec, expected, data }, appBaseUrl()), withResult: Boolean(expected) };
}

/** A file the user picked for a shared pipeline that needs it: kept when its content is the author's, else an error says so. */
export async function provideData(app: Pick<AppHost, 'workspace' | 'messages' | 'link'>, name: string, text: string): Promise<void> {
  if (!(await app.link.provide(app.workspace.db, text))) {
    app.messages.post(APP_MESSAGES.action, 'error', `${name} is not the file this pipeline was made with (its content differs). Ask the author for the original file.`);
    return;
  }
  app.messages.clear(APP_MESSAGES.action);
}
