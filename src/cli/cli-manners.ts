import { readFileSync } from 'node:fs';
import { CliInputError } from './cli-error';
import { EXIT } from './exit-codes';
import { USAGE } from './usage';

// The CLI's manners: `pipelab COMMAND --help` (or -h, or `pipelab help COMMAND`),
// `pipelab --version`, and a suggestion for a mistyped command. Everything is read off
// USAGE, so a command added there gets its own help and suggestions for free.

const COMMAND_LINE = /^ {2}pipelab (\S+)/;

/** Every command USAGE lists, in its order. */
export function commandNames(): string[] {
  return USAGE.split('\n').flatMap((line) => COMMAND_LINE.exec(line)?.[1] ?? []);
}

/** The usage of one command (its lines of USAGE and the exit codes), or null when there is no such command. */
export function commandUsage(command: string): string | null {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((line) => COMMAND_LINE.exec(line)?.[1] === command);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('      ')) end++;
  const exits = lines.find((line) => line.startsWith('Exit codes:'));
  return ['Usage:', ...lines.slice(start, end), '', ...(exits ? [exits] : [])].join('\n');
}

/** The package's version, from package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The error for an unknown command, suggesting the nearest one when it is close (at most 2 edits, or a prefix). */
export function unknownCommand(command: string): string {
  const typed = command.toLowerCase();
  const ranked = commandNames()
    .map((name) => ({ name, d: name.startsWith(typed) && typed.length >= 2 ? 0 : editDistance(typed, name) }))
    .sort((x, y) => x.d - y.d);
  const best = ranked[0];
  const hint = best && best.d <= Math.min(2, Math.max(1, Math.floor(best.name.length / 2))) ? ` Did you mean "pipelab ${best.name}"?` : '';
  return `unknown command "${command}".${hint} See "pipelab help" for the commands.`;
}

/**
 * Answers --version, `help COMMAND` and `COMMAND --help|-h` (anywhere in its arguments);
 * returns the exit code, or null when the arguments ask for none of these. `help` of an
 * unknown command is bad input, with the nearest command suggested.
 */
export function manners(argv: readonly string[], out: (text: string) => void): number | null {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    out(`pipelab ${packageVersion()}`);
    return EXIT.ok;
  }
  const asked = command === 'help' ? rest[0] : rest.some((a) => a === '--help' || a === '-h') ? command : undefined;
  const usage = asked === undefined ? null : commandUsage(asked);
  if (usage === null && command === 'help' && asked !== undefined) throw new CliInputError(unknownCommand(asked));
  if (usage === null) return null;
  out(usage);
  return EXIT.ok;
}
