import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableToCsv } from '../core/csv-writer';
import { outputTable } from '../engine/output-table';
import type { StepOutput } from '../engine/run-pipeline';
import type { RunRecord } from '../engine/run-record';

/** Writes each step's output table as NN-stepid.csv, plus run.json, into `dir`. Returns the files written. */
export async function writeOutputs(dir: string, record: RunRecord, outputs: readonly StepOutput[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [i, out] of outputs.entries()) {
    const table = outputTable(out.state);
    if (!table) continue;
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-${out.stepId}.csv`);
    await writeFile(file, tableToCsv(table));
    written.push(file);
  }
  const runFile = path.join(dir, 'run.json');
  await writeFile(runFile, JSON.stringify(record, null, 2) + '\n');
  written.push(runFile);
  return written;
}
