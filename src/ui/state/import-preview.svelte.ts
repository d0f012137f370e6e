import { columnNotes, type ColumnNote } from '../../core/column-sense';
import type { Task } from '../../core/state';
import { suggestedTask, type DataPreview } from '../../steps/data/data-preview';
import type { ImportProgress } from '../../worker/preview-file';
import type { ImportChoices } from './starter-pipeline';

/** Reads, parses and hashes a file off the main thread (the engine worker's previewFile). */
export type PreviewReader = (file: File, onProgress: (p: ImportProgress) => void) => Promise<DataPreview>;

/** A file imported before under the same name, with other content: the pipelines reading it, and the number the new version gets. */
export interface EarlierData {
  readonly users: number;
  readonly nextNumber: number;
}

/** Looks up whether a file name was imported before with other content (null when not, or when no pipeline reads it). */
export type EarlierDataLookup = (name: string, hash: string) => Promise<EarlierData | null>;

/** Where the import dialog is: closed, reading the file, showing its preview, or showing why it failed. */
export type ImportStatus = 'closed' | 'reading' | 'ready' | 'failed';

/** Share of the progress bar each stage fills (reading is quick, parsing is most of the work). */
const STAGE_SPAN: Record<ImportProgress['stage'], [number, number]> = { reading: [0, 0.3], parsing: [0.3, 1] };

/**
 * The import preview dialog: a picked or dropped file is read and parsed in the
 * worker with progress, then the user sees its columns and picks the target, the
 * task and the feature columns before a pipeline is opened on it.
 */
export class ImportPreviewState {
  status = $state<ImportStatus>('closed');
  fileName = $state('');
  progress = $state.raw<ImportProgress | null>(null);
  preview = $state.raw<DataPreview | null>(null);
  error = $state<string | null>(null);
  target = $state('');
  task = $state<Task>('classification');
  /** Chosen feature columns, in file order (never the target). */
  features = $state<string[]>([]);
  /** Set when this file is a new version of one imported before: the dialog then offers to update the pipelines reading it. */
  earlier = $state.raw<EarlierData | null>(null);
  private seq = 0;

  /**
   * @param read previews a file in the worker
   * @param stop stops the worker reading a file the user no longer wants
   * @param lookupEarlier finds an earlier file of the same name (for data versions)
   */
  constructor(
    private readonly read: PreviewReader,
    private readonly stop: () => void = () => {},
    private readonly lookupEarlier: EarlierDataLookup = async () => null,
  ) {}

  /** Opens the dialog on a file and previews it; a newer file replaces one still being read. */
  async start(file: File): Promise<void> {
    const seq = ++this.seq;
    this.reset();
    this.status = 'reading';
    this.fileName = file.name;
    try {
      const preview = await this.read(file, (p) => {
        if (seq === this.seq) this.progress = p;
      });
      const earlier = await this.lookupEarlier(file.name, preview.hash).catch(() => null);
      if (seq !== this.seq) return;
      this.earlier = earlier;
      this.preview = preview;
      const last = preview.columns[preview.columns.length - 1];
      this.target = last.name;
      this.features = this.kept(preview.columns.filter((c) => c !== last).map((c) => c.name));
      this.task = suggestedTask(last);
      this.status = 'ready';
    } catch (err) {
      if (seq !== this.seq) return;
      this.error = `${file.name} could not be imported: ${(err as Error).message}`;
      this.status = 'failed';
    }
  }

  /** The whole progress bar's fill, 0 to 1. */
  get fraction(): number {
    const p = this.progress;
    if (!p) return 0;
    const [from, to] = STAGE_SPAN[p.stage];
    return from + (to - from) * (p.total > 0 ? Math.min(1, p.done / p.total) : 1);
  }

  /** Makes `name` the target: it leaves the features, the old target joins them, and the task is suggested anew. */
  setTarget(name: string): void {
    const preview = this.preview;
    const column = preview?.columns.find((c) => c.name === name);
    if (!preview || !column) return;
    const old = this.target;
    const chosen = this.features;
    this.target = name;
    this.features = this.kept(preview.columns.map((c) => c.name).filter((n) => n !== name && (n === old || chosen.includes(n))));
    this.task = suggestedTask(column);
  }

  /** What the preview says about each column for the chosen target (id-like, date, constant, leak…): shown beside it. */
  get notes(): ReadonlyMap<string, ColumnNote> {
    return columnNotes(this.preview?.facts ?? [], this.target, this.preview?.rows ?? 0);
  }

  /** The columns of `names` the default feature set keeps: those without a note that leaves them out. */
  private kept(names: readonly string[]): string[] {
    const notes = this.notes;
    return names.filter((n) => !notes.get(n)?.excluded);
  }

  /** Adds or removes a feature column. */
  setFeature(name: string, on: boolean): void {
    if (!this.preview || name === this.target) return;
    const chosen = this.features;
    this.features = this.preview.columns.map((c) => c.name).filter((n) => (n === name ? on : chosen.includes(n)));
  }

  /** Whether regression is possible (the target must be numeric). */
  get canRegress(): boolean {
    return this.preview?.columns.find((c) => c.name === this.target)?.type === 'numeric';
  }

  /** Why the choices cannot open a pipeline yet, or null when they can. */
  get problem(): string | null {
    if (this.status !== 'ready') return 'The file is not read yet.';
    if (this.features.length === 0) return 'Choose at least one feature column.';
    if (this.task === 'regression' && !this.canRegress) return `The target "${this.target}" holds labels: choose classification, or a numeric target.`;
    return null;
  }

  /** Hands over the preview and the choices, and closes the dialog; null when they are not ready. */
  take(): { preview: DataPreview; choices: ImportChoices } | null {
    if (this.problem || !this.preview) return null;
    const out = { preview: this.preview, choices: { target: this.target, task: this.task, features: [...this.features] } };
    this.close();
    return out;
  }

  /** Hands over the preview of a file that becomes the next version of an earlier one, and closes the dialog. */
  takeAsVersion(): DataPreview | null {
    const preview = this.status === 'ready' && this.earlier ? this.preview : null;
    if (preview) this.close();
    return preview;
  }

  /** Closes the dialog (a file still being read is forgotten). */
  close(): void {
    if (this.status === 'reading') this.stop();
    this.seq++;
    this.reset();
  }

  private reset(): void {
    this.status = 'closed';
    this.fileName = '';
    this.progress = null;
    this.preview = null;
    this.error = null;
    this.target = '';
    this.task = 'classification';
    this.features = [];
    this.earlier = null;
  }
}
