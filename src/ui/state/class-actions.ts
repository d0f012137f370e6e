// The classroom's actions on the app: make an assignment of the open pipeline, take a
// student's result link, show a class board.
import { versionHash } from '../../engine/fingerprint';
import type { StoredBoard } from '../../class/board-record';
import { appBaseUrl } from '../../share/location';
import { APP_MESSAGES, type AppHost } from './app-host';
import type { AssignmentChoice } from './class.svelte';
import { linkData } from './shared-data';

/** Share → Assignment: an assignment link of the open pipeline, with a new class board to collect the results. */
export async function makeAssignment(app: Pick<AppHost, 'editor' | 'runner' | 'workspace' | 'classroom'>, choice: AssignmentChoice): Promise<StoredBoard> {
  const spec = app.editor.snapshot();
  const source = {
    spec,
    versionHash: await versionHash(spec),
    record: app.runner.view?.record ?? null,
    data: await linkData(app.workspace.db, spec),
    pipelineId: app.workspace.currentId,
    base: appBaseUrl(),
  };
  return app.classroom.makeAssignment(source, choice, Date.now());
}

/** A student's result link opened here: added to its class board, which is shown (or a notice says where it belongs). */
export async function openResultCode(app: Pick<AppHost, 'classroom' | 'messages' | 'screen'>, link: string): Promise<void> {
  if (await app.classroom.receive(link, Date.now())) app.screen = 'class';
  else if (app.classroom.message) app.messages.post(APP_MESSAGES.notice, 'info', app.classroom.message);
  else app.messages.clear(APP_MESSAGES.notice);
}

/** Shows a class board (the Class view). */
export async function openBoard(app: Pick<AppHost, 'classroom' | 'screen'>, id: string): Promise<void> {
  if (await app.classroom.openBoard(id)) app.screen = 'class';
}
