import { runPipeline } from '../engine/run-pipeline';
import { RUN_FORMAT, type RunRecord } from '../engine/run-record';
import { shareUrl } from '../share/link-codec';
import { payloadDocument, readPayload, sharedResult, type SharedResult } from '../share/share-payload';
import { ShareError } from '../share/share-error';
import { CliInputError } from './cli-error';
import { EXIT } from './exit-codes';
import { loadSpecFile, readDocument } from './load-spec';
import { nodeDataSource } from './node-data-source';
import { NODE_RUNTIME, loadNodeTf } from './node-tf';

/** Where links point by default: the app as `npm start` serves it. */
export const DEFAULT_BASE = 'http://localhost:4173/';

/** Options of `pipelab share`. */
export interface ShareOptions {
  readonly file: string;
  readonly base?: string;
  readonly withResult: boolean;
}

/**
 * Prints a share link for a spec, run record or bundle. A run record's result
 * travels in the link; a spec is run on cpu first (unless --no-result) so the
 * recipient can check "Reproduced ✓".
 */
export async function shareCommand(o: ShareOptions, print: (text: string) => void): Promise<number> {
  const spec = await loadSpecFile(o.file);
  let expected: SharedResult | null = null;
  const doc = o.file.includes('#') ? null : await readDocument(o.file).catch(() => null);
  if (doc?.format === RUN_FORMAT) {
    if (!doc.environment || typeof doc.environment !== 'object') throw new CliInputError(`${o.file}: the run record is damaged (it has no environment).`);
    expected = sharedResult(doc as unknown as RunRecord);
  }
  else if (o.withResult) {
    const { record } = await runPipeline(spec, { tf: loadNodeTf(), backend: 'cpu', dataSource: nodeDataSource, runtime: NODE_RUNTIME });
    if (record.status !== 'done') {
      print(`The pipeline failed, so the link carries no result: ${record.error?.message ?? ''}`);
      return EXIT.runFailed;
    }
    expected = sharedResult(record);
  }
  const payload = { spec, expected, data: [] };
  try {
    readPayload(payloadDocument(payload)); // the link must open: check it with the decoder's own rules
  } catch (err) {
    if (err instanceof ShareError) throw new CliInputError(`${o.file}: its result cannot go in a link: ${err.message}`);
    throw err;
  }
  print(await shareUrl(payload, o.base ?? DEFAULT_BASE));
  return EXIT.ok;
}
