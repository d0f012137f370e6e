import { parseArgs } from 'node:util';
import { CliInputError } from './cli-error';
import { classAssignmentCommand, classSummaryCommand } from './class-command';

/** `pipelab class assignment|summary …`: parses the arguments and runs the subcommand. */
export async function classCommand(args: string[], out: (t: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'assignment') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { 'lock-seed': { type: 'boolean', default: false }, 'free-seed': { type: 'boolean', default: false }, 'hide-result': { type: 'boolean', default: false }, base: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliInputError(`class assignment: expected one pipeline FILE, got ${positionals.length}.`);
    if (values['lock-seed'] && values['free-seed']) throw new CliInputError('class assignment: choose --lock-seed or --free-seed, not both.');
    return classAssignmentCommand({ file: positionals[0], seed: values['free-seed'] ? 'free' : 'locked', hideResult: Boolean(values['hide-result']), base: values.base }, out);
  }
  if (sub === 'summary') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { assignment: { type: 'string' }, json: { type: 'boolean', default: false } } });
    if (positionals.length !== 1) throw new CliInputError(`class summary: expected one FILE of result codes, got ${positionals.length}.`);
    return classSummaryCommand({ file: positionals[0], assignment: values.assignment, json: Boolean(values.json) }, out);
  }
  throw new CliInputError(`class: expected "assignment" or "summary", got ${sub === undefined ? 'nothing' : `"${sub}"`}. See "pipelab help".`);
}
