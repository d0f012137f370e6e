// The CLI's manners as a user meets them: per-command help, the version, and a suggestion for a typo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames, editDistance, unknownCommand } from '../../src/cli/cli-manners';
import { ROOT, pipelab } from './pipelab-process';

const TIMEOUT = 60_000;
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('pipelab COMMAND --help / -h', () => {
  it('pipelab run --help prints the run usage, with its options, and exits 0', async () => {
    const r = await pipelab('run', '--help');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Usage:\n {2}pipelab run FILE\|URL/);
    expect(r.stdout).toContain('--data FILE');
    expect(r.stdout).not.toContain('pipelab sweep');
  }, TIMEOUT);

  it('pipelab sweep -h prints the sweep usage and exits 0 (it used to exit 2 with "Unknown option")', async () => {
    const r = await pipelab('sweep', '-h');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('pipelab sweep FILE --param STEP.PARAM=V1,V2');
    expect(r.stdout).not.toContain('pipelab run');
  }, TIMEOUT);

  it('help COMMAND and a --help after other arguments do the same', async () => {
    const help = await pipelab('help', 'verify');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}pipelab verify FILE/);
    const late = await pipelab('share', 'examples/iris-logreg.json', '--help');
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/^Usage:\n {2}pipelab share FILE/);
  }, TIMEOUT);
});

describe('pipelab --version', () => {
  it('prints the package.json version and exits 0', async () => {
    const r = await pipelab('--version');
    expect([r.code, r.stdout.trim(), r.stderr]).toEqual([0, `pipelab ${VERSION}`, '']);
  }, TIMEOUT);
});

describe('an unknown command', () => {
  it('suggests the nearest command and exits 2', async () => {
    const r = await pipelab('swep', 'examples/iris-logreg.json');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('pipelab: unknown command "swep". Did you mean "pipelab sweep"? See "pipelab help" for the commands.');
    const help = await pipelab('help', 'verfy');
    expect([help.code, help.stdout]).toEqual([2, '']);
    expect(help.stderr).toContain('Did you mean "pipelab verify"?');
  }, TIMEOUT);

  it('suggests nothing for a word far from every command', () => {
    expect(unknownCommand('frobnicate')).toBe('unknown command "frobnicate". See "pipelab help" for the commands.');
    expect(unknownCommand('verfiy')).toContain('Did you mean "pipelab verify"?');
    expect(unknownCommand('ste')).toContain('Did you mean "pipelab steps"?');
  });

  it('measures edit distance and reads the commands off the usage text', () => {
    expect([editDistance('swep', 'sweep'), editDistance('run', 'run'), editDistance('kitten', 'sitting')]).toEqual([1, 0, 3]);
    expect(commandNames()).toEqual(expect.arrayContaining(['run', 'verify', 'sweep', 'share', 'steps', 'help']));
  });
});
