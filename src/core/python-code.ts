import type { StepSpec } from './spec';

// Writing Python source safely: literals for untrusted text and numbers, and comments.

/** A Python string literal for any text (json.dumps-style escapes; the result is plain ASCII). */
export function pyString(text: string): string {
  const escape = (ch: string): string => {
    const special: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const c = ch.codePointAt(0) as number;
    return special[ch] ?? (c < 0x10000 ? `\\u${c.toString(16).padStart(4, '0')}` : `\\U${c.toString(16).padStart(8, '0')}`);
  };
  return `"${text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/gu, escape)}"`;
}

/** A Python list of string literals, e.g. a step's Columns param. */
export function pyStrings(value: unknown, what: string): string {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new Error(`${what} must be a list of column names, got ${JSON.stringify(value)}.`);
  }
  return `[${value.map((v: string) => pyString(v)).join(', ')}]`;
}

/** A Python number literal of a finite number of at least 0 (a whole one when `integer`); throws naming `what` otherwise. */
export function pyNumber(value: unknown, what: string, integer = false): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${what} must be a ${integer ? 'whole' : 'finite'} number of at least 0, got ${String(value)}.`);
  }
  return String(value);
}

/** A Python number literal of any finite number (negative ones included). */
export function pySigned(value: unknown, what: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${what} must be a finite number, got ${String(value)}.`);
  return String(value);
}

/** A Python literal True or False. */
export const pyBool = (value: unknown): string => (value === true ? 'True' : 'False');

/** Text without control characters or line breaks, safe inside a Python comment. */
export const clean = (text: string): string => text.replace(/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/gu, ' ');

/** Comment lines (control characters and line breaks replaced, wrapped near 100 columns). */
export function comment(text: string, first = '# ', rest = '# '): string[] {
  const words = clean(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  for (const word of words) {
    const prefix = lines.length ? rest : first;
    if (lines.length && (lines[lines.length - 1] + ' ' + word).length <= 100) lines[lines.length - 1] += ' ' + word;
    else lines.push(prefix + word);
  }
  return lines.length ? lines : [first.trimEnd()];
}

/** How the script names a step in comments: Step "id" (kind). */
export const stepLabel = (s: StepSpec): string => clean(`Step "${s.id}" (${s.kind})`);

/** `model = Cls(args)`, with the class recorded as imported from `module`. */
export function pyModel(out: { use(...names: string[]): void }, module: string, cls: string, args: readonly string[]): string[] {
  out.use(`${module}:${cls}`);
  return [`model = ${cls}(${args.join(', ')})`];
}
