import { decodeResultCode, type ResultCode } from './result-code';

/** A line that was not added to the board, and why. */
export interface RefusedLine {
  readonly line: string;
  readonly reason: string;
}

/** Most result codes one paste or file may add. */
export const MAX_CODES_PER_INTAKE = 2_000;

/**
 * Reads pasted text or a file (one result code link per line; blank lines and
 * non-link text ignored) for the assignment `assignmentId`: codes for another
 * assignment and damaged codes are refused with the reason.
 */
export async function readCodes(text: string, assignmentId: string): Promise<{ codes: ResultCode[]; refused: RefusedLine[] }> {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.includes('result='));
  const codes: ResultCode[] = [];
  const refused: RefusedLine[] = [];
  for (const line of lines.slice(0, MAX_CODES_PER_INTAKE)) {
    const token = line.split(/\s+/).find((w) => w.includes('result=')) ?? line;
    try {
      const code = await decodeResultCode(token);
      if (code.assignment !== assignmentId) refused.push({ line: short(token), reason: `This result code is for another assignment (${code.assignment}), not this one (${assignmentId}).` });
      else codes.push(code);
    } catch (err) {
      refused.push({ line: short(token), reason: (err as Error).message });
    }
  }
  if (lines.length > MAX_CODES_PER_INTAKE) refused.push({ line: '…', reason: `Only the first ${MAX_CODES_PER_INTAKE} codes were read; add the rest separately.` });
  return { codes, refused };
}

function short(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
