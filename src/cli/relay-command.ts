// `pipelab relay`: starts the classroom relay and runs until interrupted (Ctrl-C / SIGTERM).
import { CliInputError } from './cli-error';
import { EXIT } from './exit-codes';
import { startRelay } from './relay/relay-server';

/** Options of `pipelab relay`. */
export interface RelayCommandOptions {
  port?: string;
  host?: string;
  data?: string;
}

/** Starts the relay, prints where it listens, and resolves with exit code 0 once it is stopped by a signal. */
export async function relayCommand(options: RelayCommandOptions, out: (text: string) => void): Promise<number> {
  const port = options.port === undefined ? 1234 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliInputError(`relay: --port must be a whole number from 0 to 65535, got "${options.port}".`);
  const relay = await startRelay({ port, host: options.host ?? '127.0.0.1', dataDir: options.data, log: out }).catch((error: Error) => {
    throw new CliInputError(`relay: cannot listen on ${options.host ?? '127.0.0.1'}:${port} (${error.message}). Choose another --port or --host.`);
  });
  out(`pipelab relay listening on ${relay.url}${options.data ? `, keeping rooms in ${options.data}` : ' (rooms in memory only: add --data DIR to keep them)'}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await relay.close();
  out(options.data ? `pipelab relay stopped; rooms written to ${options.data}.` : 'pipelab relay stopped.');
  return EXIT.ok;
}
