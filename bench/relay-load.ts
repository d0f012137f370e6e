// `npm run bench:relay`: 60 simulated students in one room of a real `pipelab relay` (a child
// process on 127.0.0.1, with --data in a temporary directory) hand in within 10 s. Reports the
// board-side latency (student sets its signed hand-in → the teacher's document has it) as median
// and worst, for hand-ins spread over 8 s and then for all 60 at once, and the relay's memory (RSS of
// its process, and its peak). Bounded: 60 students, 2 rounds, 60 s overall.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { generateHandinKeys, signHandin } from '../src/share/handin-signing';
import { liveRoots, writeLivePipeline } from '../src/share/live-doc';
import { newTeacherToken, roomIdForToken } from '../src/share/live-room';
import { summarize } from './stats';

const STUDENTS = 60;
const SPREAD_MS = 8_000;
const LIMIT_MS = 60_000;
process.setMaxListeners(STUDENTS + 10); // each y-websocket provider listens for the process's exit
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function connect(url: string, room: string, token?: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  });
  return { doc, provider };
}

async function until(what: string, check: () => boolean, deadline: number): Promise<void> {
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench stopped: ${what} did not happen within the time bound`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function startRelayProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/pipelab.js'), 'relay', '--port', '0', '--data', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (ws:\/\/\S+?),? /.exec(text);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the relay exited (${code}) before listening`)));
  });
  return { child, url };
}

/** Resident and peak resident memory of a process, from /proc (Linux), in MiB. */
function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

async function handInRound(teacher: Client, students: { client: Client; keys: CryptoKeyPair }[], room: string, spreadMs: number, at: number, deadline: number) {
  const sent = new Map<string, number>();
  const seen = new Map<string, number>();
  const handins = liveRoots(teacher.doc).handins;
  const observer = (event: Y.YMapEvent<unknown>) => {
    const now = performance.now();
    for (const key of event.keysChanged) if (!seen.has(key) && (handins.get(key) as { at?: number } | undefined)?.at === at) seen.set(key, now);
  };
  handins.observe(observer);
  const signed = await Promise.all(students.map((s, i) => signHandin(s.keys, room, `pipelab-result-code-student-${i}-round-${at}`, at)));
  const start = performance.now();
  await Promise.all(
    students.map(async (s, i) => {
      await new Promise((resolve) => setTimeout(resolve, (spreadMs * i) / students.length));
      sent.set(signed[i].slot, performance.now());
      liveRoots(s.client.doc).handins.set(signed[i].slot, signed[i].entry);
    }),
  );
  await until(`the teacher seeing all ${students.length} hand-ins`, () => seen.size === students.length, deadline);
  handins.unobserve(observer);
  const latencies = [...seen].map(([slot, t]) => t - sent.get(slot)!);
  return { ...summarize(latencies), allWithinMs: Math.max(...seen.values()) - start };
}

async function main(): Promise<void> {
  const deadline = Date.now() + LIMIT_MS;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipelab-relay-bench-'));
  const { child, url } = await startRelayProcess(dataDir);
  const clients: Client[] = [];
  try {
    const idle = memoryOf(child.pid!);
    const token = newTeacherToken();
    const room = await roomIdForToken(token);
    const teacher = connect(url, room, token);
    clients.push(teacher);
    await until('the teacher connecting', () => teacher.provider.synced, deadline);
    writeLivePipeline(teacher.doc, { format: 'pipelab/pipeline', version: 1, name: 'bench', seed: 1, steps: [] });
    const students = await Promise.all(Array.from({ length: STUDENTS }, async () => ({ client: connect(url, room), keys: await generateHandinKeys() })));
    clients.push(...students.map((s) => s.client));
    await until(`${STUDENTS} students connecting and syncing`, () => students.every((s) => s.client.provider.synced), deadline);
    const spread = await handInRound(teacher, students, room, SPREAD_MS, 1, deadline);
    const burst = await handInRound(teacher, students, room, 0, 2, deadline);
    const loaded = memoryOf(child.pid!);
    report({ idle, loaded, spread, burst });
  } finally {
    for (const c of clients) c.provider.destroy();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(result: Record<string, unknown>): void {
  const r = result as { idle: { rssMiB: number }; loaded: { rssMiB: number; peakMiB: number }; spread: ReturnType<typeof summarize> & { allWithinMs: number }; burst: ReturnType<typeof summarize> & { allWithinMs: number } };
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`relay load: ${STUDENTS} students + 1 teacher, one room, 127.0.0.1 (${os.cpus().length} CPUs, Node ${process.version})`);
  console.log(`  hand-ins spread over ${SPREAD_MS / 1000} s: latency median ${ms(r.spread.median)}, worst ${ms(r.spread.max)}; all seen by the teacher ${ms(r.spread.allWithinMs)} after the first was sent`);
  console.log(`  all ${STUDENTS} at once:          latency median ${ms(r.burst.median)}, worst ${ms(r.burst.max)}; all seen ${ms(r.burst.allWithinMs)} after the start`);
  console.log(`  relay process memory: RSS ${r.idle.rssMiB.toFixed(1)} MiB idle, ${r.loaded.rssMiB.toFixed(1)} MiB with the room loaded (peak ${r.loaded.peakMiB.toFixed(1)} MiB)`);
  const outDir = path.join(root, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'relay-load.json'), JSON.stringify({ when: new Date().toISOString(), students: STUDENTS, ...result }, null, 2));
}

await main();
