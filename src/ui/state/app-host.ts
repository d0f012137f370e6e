// The parts of the app that its action modules (share, class, import, export) work with.
// Each action takes a Pick of AppHost naming only what it uses; AppState is one.
import type { PipelineSpec } from '../../core/spec';
import type { RunView } from '../../engine/run-view';
import type { SharedLink } from './app-link.svelte';
import type { StorageCheck } from './app-storage.svelte';
import type { ClassState } from './class.svelte';
import type { EditorState } from './editor.svelte';
import type { ImportPreviewState } from './import-preview.svelte';
import type { MessageStore } from './messages.svelte';
import type { RunnerState } from './runner.svelte';
import type { WorkspaceState } from './workspace.svelte';

/**
 * The app's own message sources: `action` errors show with the run's (a link that cannot be
 * opened, an invalid pipeline, a wrong data file), `import` errors with storage's, `notice`
 * in the notice banner.
 */
export const APP_MESSAGES = { action: 'app', import: 'import', notice: 'notice' } as const;

/** Which screen is showing. */
export type Screen = 'gallery' | 'editor' | 'class';

/** Which view the results side of the editor shows. */
export type ResultsTab = 'results' | 'runs' | 'versions' | 'lab' | 'sweep';

/** The app as its actions see it: its state objects, the screen, and the ways to open pipelines and show runs. */
export interface AppHost {
  readonly editor: EditorState;
  readonly runner: RunnerState;
  readonly workspace: WorkspaceState;
  readonly classroom: ClassState;
  readonly messages: MessageStore;
  readonly link: SharedLink;
  readonly storage: StorageCheck;
  readonly importPreview: ImportPreviewState;
  readonly autoRun: boolean;
  screen: Screen;
  /** Opens a copy of a spec as a new pipeline of the user's. */
  open(spec: PipelineSpec): Promise<void>;
  /** Opens a stored pipeline with its last run on display. */
  openStored(id: string): Promise<void>;
  /** Puts a run on display (null: none); see AppState.showRun. */
  showRun(view: RunView | null, storedId?: string | null): void;
  /** The run on display was stored as `storedId`: remembered while it is still on display. */
  markStored(view: RunView, storedId: string | null): void;
  /** Leaves an open link behind (its read-only state, data, assignment and author check). */
  leaveShared(): void;
}
