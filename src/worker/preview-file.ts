import { withoutByteOrderMark } from '../core/data-limits';
import { forgetSha256, rememberSha256 } from '../core/hash';
import { PipelabDb } from '../storage/db';
import { putDataset } from '../storage/datasets-repo';
import { sha256OfFile } from './file-hash';
import { previewOf, type DataPreview } from '../steps/data/data-preview';
import { forgetParsed, formatOf, parseUserFile, rememberParsed } from '../steps/data/parse-user-data';

/** How far the preview of a file has got: reading (and hashing) its bytes, parsing its text. */
export interface ImportProgress {
  readonly stage: 'reading' | 'parsing';
  /** Bytes read (reading) or characters parsed (parsing) so far. */
  readonly done: number;
  readonly total: number;
}

/** A previewed file: what the preview dialog shows, its text (decoded once, in the worker) and the bytes of that text, to store. */
export interface FilePreview {
  readonly preview: DataPreview;
  readonly text: string;
  /** The file's bytes without a BOM (a slice of the File): the UTF-8 of `text`, whose SHA-256 is the preview's hash. */
  readonly bytes: Blob;
}

/** Files up to this size are read in one go (slices cost the reading a few milliseconds each); larger ones in slices of it, with progress after each. */
const SLICE_BYTES = 64 << 20;

/**
 * Reads a File's bytes and decodes them as UTF-8 (one BOM is dropped, as
 * Blob.text() does, and two are refused), then parses it with the run-time parser (which checks the file's
 * shape against DATA_LIMITS first) while its bytes are hashed. Runs in the worker: a
 * large file never blocks the page.
 */
export async function previewFile(file: File, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<FilePreview> {
  const report = (p: ImportProgress) => {
    if (signal?.aborted) throw new Error(`Reading ${file.name} was cancelled.`);
    onProgress(p);
  };
  forgetLastFile(); // its text and table need not stay in memory while this one is read
  const { text: read, hash: hashing, bytes } = await readText(file, report);
  const text = withoutByteOrderMark(read);
  const format = formatOf(file.name);
  const parsed = parseUserFile(text, format, (done, total) => report({ stage: 'parsing', done, total }));
  const { table, delimiter } = parsed;
  const hash = await hashing; // computed off this thread meanwhile
  // The bytes hashed are the text's UTF-8: a file that decodes to anything else (U+FFFD) was refused above.
  rememberSha256(text, hash); // the run that reads the stored file next skips hashing it again
  rememberParsed(hash, format, parsed); // and parsing it
  return { preview: previewOf(table, { name: file.name, format, delimiter, hash, bytes: file.size }), text, bytes };
}

/**
 * Reads a file's bytes once (in one go, or slice by slice with progress when it is large)
 * into one buffer; hashes them (without the BOM, which the text loses) on a side worker
 * while this thread decodes and parses them, and decodes them in one pass, so the file is
 * neither read twice here nor its text joined from pieces or encoded again to be hashed.
 */
async function readText(file: File, onProgress: (p: ImportProgress) => void): Promise<{ text: string; hash: Promise<string>; bytes: Blob }> {
  onProgress({ stage: 'reading', done: 0, total: file.size });
  const bytes = file.size <= SLICE_BYTES ? new Uint8Array(await file.arrayBuffer()) : await readInSlices(file, onProgress);
  onProgress({ stage: 'reading', done: bytes.length, total: file.size });
  const bom = startsWithBom(bytes) ? 3 : 0;
  // The file's own bytes past the BOM, not a copy (copying 50 MB into a new Blob costs this thread ~50 ms):
  // a File is a snapshot, so they are the bytes read here, or reading them fails (the file changed on disk).
  const stored = file.slice(bom, bytes.length);
  const hash = sha256OfFile(stored, bytes.subarray(bom));
  hash.catch(() => undefined); // awaited by the caller after parsing; not unhandled if parsing fails first
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes); // the BOM is checked and dropped by the caller
  return { text, hash, bytes: stored };
}

/** A large file's bytes, read slice by slice into one buffer with progress after each. */
async function readInSlices(file: File, onProgress: (p: ImportProgress) => void): Promise<Uint8Array> {
  const all = new Uint8Array(file.size);
  let read = 0;
  while (read < file.size) {
    const slice = new Uint8Array(await file.slice(read, read + SLICE_BYTES).arrayBuffer());
    if (slice.length === 0) break; // the file shrank while it was read: what was read is previewed
    all.set(slice, read);
    read += slice.length;
    onProgress({ stage: 'reading', done: read, total: file.size });
  }
  return all.subarray(0, read);
}

const startsWithBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * Stores a previewed file in the app's database from the worker, as the Blob of its
 * bytes: IndexedDB keeps a Blob without serialising it on the writing thread (a 50 MB
 * string took that thread a few hundred milliseconds), and the page's thread never writes it.
 */
export async function storePreviewed(previewed: FilePreview, dbName: string): Promise<void> {
  const db = new PipelabDb(dbName);
  try {
    const { name, format, hash } = previewed.preview;
    await putDataset(db, name, format, { bytes: previewed.bytes, hash }); // the bytes hashed: the text's UTF-8 (a file that is not UTF-8 was refused)
    lastStored = { hash, text: previewed.text };
  } finally {
    db.close();
  }
}

/** The text this worker stored last, by content hash (the run that follows an import reads it). */
let lastStored: { readonly hash: string; readonly text: string } | null = null;

/** Lets go of the file this worker read and stored last (its text, hash and parsed table). */
function forgetLastFile(): void {
  if (lastStored) forgetSha256(lastStored.text);
  lastStored = null;
  forgetParsed();
}

/** The text of the file this worker stored last, when its hash is `hash`: the run after an import need not read 50 MB back from IndexedDB. */
export function storedText(hash: string): string | undefined {
  return lastStored?.hash === hash ? lastStored.text : undefined;
}
