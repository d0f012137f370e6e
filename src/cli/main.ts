import { parseArgs } from 'node:util';
import { CliInputError } from './cli-error';
import { manners, unknownCommand } from './cli-manners';
import { EXIT } from './exit-codes';
import { exportCommand } from './export-command';
import { runCommand } from './run-command';
import { listSteps } from './steps-command';
import { verifyCommand } from './verify-command';
import { shareCommand } from './share-command';
import { sweepCommand } from './sweep-command';
import { relayCommand } from './relay-command';
import { USAGE } from './usage';
import { classCommand } from './class-args';

/** The CLI: parses arguments, runs the command, returns the exit code. Never lets a stack trace out. */
export async function main(argv: string[], out = (t: string) => console.log(t), err = (t: string) => console.error(t)): Promise<number> {
  try {
    return await dispatch(argv, out);
  } catch (e) {
    if (e instanceof CliInputError || isArgError(e)) {
      err(`pipelab: ${oneLine((e as Error).message)}`);
      return EXIT.badInput;
    }
    err(`pipelab: unexpected error: ${oneLine(e instanceof Error ? e.message : String(e))}`);
    return EXIT.runFailed;
  }
}

async function dispatch(argv: string[], out: (t: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const answered = manners(argv, out);
  if (answered !== null) return answered;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (command === 'steps') {
    const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false }, search: { type: 'string' } } });
    out(listSteps(values.json ?? false, values.search ?? ''));
    return EXIT.ok;
  }
  if (command === 'run') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        backend: { type: 'string' },
        out: { type: 'string' },
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new CliInputError(`run: expected one pipeline FILE, got ${positionals.length}. See "pipelab help".`);
    return runCommand({ file: positionals[0], ...values, json: values.json ?? false }, out);
  }
  if (command === 'verify') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { backend: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length !== 1) throw new CliInputError(`verify: expected one FILE (a pipeline or a run record), got ${positionals.length}.`);
    return verifyCommand({ file: positionals[0], backend: values.backend, json: values.json ?? false }, out);
  }
  if (command === 'sweep') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        param: { type: 'string', multiple: true },
        seeds: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new CliInputError(`sweep: expected one FILE, got ${positionals.length}.`);
    return sweepCommand({ file: positionals[0], params: values.param ?? [], seeds: values.seeds, backend: values.backend, json: values.json ?? false }, out);
  }
  if (command === 'share') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { base: { type: 'string' }, 'no-result': { type: 'boolean', default: false } },
    });
    if (positionals.length !== 1) throw new CliInputError(`share: expected one FILE, got ${positionals.length}.`);
    return shareCommand({ file: positionals[0], base: values.base, withResult: !values['no-result'] }, out);
  }
  if (command === 'export') {
    const options = { out: { type: 'string' }, data: { type: 'string' } } as const;
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
    if (positionals.length !== 2) throw new CliInputError(`export: expected python|notebook and one FILE, got ${positionals.length} arguments.`);
    return exportCommand({ format: positionals[0], file: positionals[1], ...values }, out);
  }
  if (command === 'relay') {
    const { values } = parseArgs({ args: rest, options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } } });
    return relayCommand(values, out);
  }
  if (command === 'class') return classCommand(rest, out);
  throw new CliInputError(unknownCommand(command));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function isArgError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code.startsWith('ERR_PARSE_ARGS');
}
