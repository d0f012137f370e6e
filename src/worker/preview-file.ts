import { withoutByteOrderMark } from '../core/data-limits';
import { sha256Hex } from '../core/hash';
import { PipelabDb } from '../storage/db';
import { putDataset } from '../storage/datasets-repo';
import { previewOf, type DataPreview } from '../steps/data/data-preview';
import { formatOf, parseUserFile, rememberParsed } from '../steps/data/parse-user-data';

/** How far the preview of a file has got: reading its bytes, parsing its text, hashing it. */
export interface ImportProgress {
  readonly stage: 'reading' | 'parsing' | 'hashing';
  /** Bytes read (reading) or characters parsed (parsing) so far. */
  readonly done: number;
  readonly total: number;
}

/** A previewed file: what the preview dialog shows, and the text to store (decoded once, in the worker). */
export interface FilePreview {
  readonly preview: DataPreview;
  readonly text: string;
}

/** Bytes read per slice of the file (progress is reported after each). */
const SLICE_BYTES = 4 << 20;

/**
 * Reads a File in slices, decoding UTF-8 as a stream (a character split between
 * slices stays whole; one BOM is dropped, as Blob.text() does, and two are
 * refused), then parses it with the run-time parser (which checks the file's
 * shape against DATA_LIMITS first) and hashes its text. Runs in the worker: a
 * large file never blocks the page.
 */
export async function previewFile(file: File, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<FilePreview> {
  const report = (p: ImportProgress) => {
    if (signal?.aborted) throw new Error(`Reading ${file.name} was cancelled.`);
    onProgress(p);
  };
  const text = withoutByteOrderMark(await readText(file, report));
  const format = formatOf(file.name);
  const parsed = parseUserFile(text, format, (done, total) => report({ stage: 'parsing', done, total }));
  const { table, delimiter } = parsed;
  report({ stage: 'hashing', done: 0, total: text.length });
  const hash = await sha256Hex(text);
  rememberParsed(hash, format, parsed); // the run that follows the import reads this content again
  return { preview: previewOf(table, { name: file.name, format, delimiter, hash, bytes: file.size }), text };
}

async function readText(file: File, onProgress: (p: ImportProgress) => void): Promise<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // the BOM is checked and dropped by the caller
  const parts: string[] = [];
  for (let at = 0; at < file.size; at += SLICE_BYTES) {
    const bytes = await file.slice(at, at + SLICE_BYTES).arrayBuffer();
    parts.push(decoder.decode(bytes, { stream: true }));
    onProgress({ stage: 'reading', done: Math.min(at + SLICE_BYTES, file.size), total: file.size });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Stores a previewed file's text in the app's database from the worker: writing
 * tens of megabytes to IndexedDB blocks the thread that writes for a few hundred
 * milliseconds, so the page's thread never does it.
 */
export async function storePreviewed(previewed: FilePreview, dbName: string): Promise<void> {
  const db = new PipelabDb(dbName);
  try {
    const { name, format, hash } = previewed.preview;
    await putDataset(db, name, format, previewed.text, { knownHash: hash });
  } finally {
    db.close();
  }
}
