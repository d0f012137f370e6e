/** Base class of every error pipelab raises on purpose: the message is meant for a person. */
export class PipelabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A spec (or any decoded document) failed restore: `path` names the field,
 * `expected` what was wanted and `received` a short description of what arrived.
 */
export class SpecError extends PipelabError {
  readonly path: string;
  readonly expected: string;
  readonly received: string;

  constructor(path: string, expected: string, received: string) {
    super(`${path || 'pipeline'}: expected ${expected}, got ${received}`);
    this.path = path;
    this.expected = expected;
    this.received = received;
  }
}

/** A step could not run on the data it was given (wrong task, missing split, …). */
export class StepInputError extends PipelabError {}

/** A run was cancelled through its AbortSignal. */
export class CancelledError extends PipelabError {
  constructor() {
    super('The run was cancelled.');
  }
}

/** Describes any value briefly for an error message ("a string \"abc\"", "an array of 3"). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
