import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLivePipeline, writeLivePipeline } from '../../src/share/live-doc';
import { newTeacherToken, roomIdForToken } from '../../src/share/live-room';
import { pipelab, ROOT } from './pipelab-process';
import { connectClient, synced, until } from './relay-clients';

describe('npx pipelab relay', () => {
  it('refuses a bad --port with a clear message (exit 2)', async () => {
    const result = await pipelab('relay', '--port', 'eighty');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--port must be a whole number/);
  });

  it('listens, serves a teacher, and on SIGTERM writes the room into --data and exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipelab-relay-cli-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/pipelab.js'), 'relay', '--port', '0', '--data', dataDir], { cwd: ROOT });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await until('the relay to say where it listens', () => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(stdout));
    const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1];
    const token = newTeacherToken();
    const room = await roomIdForToken(token);
    const teacher = connectClient(url, room, token);
    await synced(teacher, 'the teacher to sync with the relay process');
    writeLivePipeline(teacher.doc, { format: 'pipelab/pipeline', version: 1, name: 'cli', seed: 5, steps: [] });
    const file = path.join(dataDir, `${room}.yjs`);
    await until('the room file to hold the pipeline', () => {
      if (!fs.existsSync(file)) return false;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, fs.readFileSync(file));
      return readLivePipeline(doc).seed === 5;
    });
    teacher.stop();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/stopped; rooms written/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
