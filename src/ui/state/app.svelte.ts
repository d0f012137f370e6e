import type { PipelineSpec } from '../../core/spec';
import { GALLERY } from '../gallery/gallery';
import { EditorState } from './editor.svelte';
import { RunnerState } from './runner.svelte';

/** Which screen is showing. */
export type Screen = 'gallery' | 'editor';

/** The whole app's state: the screen, the pipeline being edited and the engine runner. */
export class AppState {
  screen = $state<Screen>('gallery');
  readonly editor = new EditorState();
  readonly runner = new RunnerState();

  /** Opens a copy of a pipeline in the editor. */
  open(spec: PipelineSpec): void {
    this.editor.load(spec);
    this.runner.view = null;
    this.runner.stepView = null;
    this.screen = 'editor';
  }

  /** Opens a gallery example by id (e.g. "iris-logreg"); returns false when there is none. */
  openExample(id: string): boolean {
    const entry = GALLERY.find((e) => e.id === id);
    if (entry) this.open(entry.spec);
    return Boolean(entry);
  }

  /** Validates the pipeline and runs it; shows the validation problem instead when there is one. */
  async run(): Promise<void> {
    let spec: PipelineSpec;
    try {
      spec = this.editor.snapshot();
    } catch (err) {
      this.runner.error = `The pipeline is not valid: ${(err as Error).message}`;
      return;
    }
    await this.runner.run(spec);
    if (this.editor.selectedStepId) await this.runner.showStep(this.editor.selectedStepId);
  }
}
