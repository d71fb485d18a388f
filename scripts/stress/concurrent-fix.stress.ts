/**
 * Concurrent-edit stress for `--fix` (issue 11, item 4): a writer thread appends a story to a random
 * backlog every ~2 ms while `--fix` runs again and again on random sets of those backlogs. Every appended
 * story lacks acceptance criteria, so nearly every run rewrites the files it is given, racing the writer.
 *
 *   npm run stress -- --only concurrent-fix [--edits 20000] [--files 256] [--per-run 8] [--interval-ms 2] [--seed 1]
 *
 * It passes when no edit is lost silently and no byte of what the writer wrote is lost: in every file, the
 * lines the writer wrote appear exactly once each, in the order written, and the whole text written (seed
 * plus appends) is kept line for line, with only the fixes' inserted lines between. An edit may instead sit
 * in a conflict copy that --fix reported. Files reported as changed-and-skipped are counted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseCliArgs } from '../../src/cli/args';
import { run } from '../../src/cli/run';

interface Options {
  edits: number;
  files: number;
  perRun: number;
  intervalMs: number;
  seed: number;
}

function options(argv: string[]): Options {
  const opts: Options = { edits: 20000, files: 256, perRun: 8, intervalMs: 2, seed: 1 };
  const keys: Record<string, keyof Options> = {
    '--edits': 'edits',
    '--files': 'files',
    '--per-run': 'perRun',
    '--interval-ms': 'intervalMs',
    '--seed': 'seed',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = keys[argv[i] as string];
    if (key === undefined) continue;
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${argv[i - 1]} needs a number`);
    opts[key] = value;
  }
  return opts;
}

const chunk = (n: number): string => `\n## E-${n}: edit-${n}\n\nAs a user, I want edit-${n}, so that it is kept.\n`;
const SEED_TEXT = '# Backlog\n\n## S-1: Pay\n\nAs a buyer, I want to pay by card, so that I can check out.\n';

// Runs in the writer thread (plain JavaScript, CommonJS): appends by path, like an editor or a script would.
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { files, edits, intervalMs, seed } = workerData;
let state = seed >>> 0 || 1;
const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
const chunk = ${chunk.toString()};
const written = files.map(() => []);
const pause = new Int32Array(new SharedArrayBuffer(4));
const start = performance.now();
for (let n = 0; n < edits; n++) {
  const f = Math.floor(random() * files.length);
  fs.appendFileSync(files[f], chunk(n));
  written[f].push(n);
  // Edit n + 1 is due at start + (n + 1) * intervalMs, however long the appends took.
  const wait = start + (n + 1) * intervalMs - performance.now();
  if (wait > 0) Atomics.wait(pause, 0, 0, wait);
}
parentPort.postMessage(written);
`;

interface JsonResult {
  filePath: string;
  messages: { fatal?: boolean; message: string }[];
}

/** Appends that reached a file's old copy after the rename and were appended again (from the debug line). */
let lateAppends = 0;

async function fixOnce(dir: string, files: string[]): Promise<JsonResult[]> {
  let out = '';
  let err = '';
  await run(parseCliArgs([...files, '--fix', '--no-cache', '--format', 'json']), {
    cwd: dir,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
    env: { BACKLOG_LINT_DEBUG: '1' },
    version: 'stress',
  });
  lateAppends += Number(/(\d+) late appends kept/.exec(err)?.[1] ?? 0);
  if (!out) throw new Error(`--fix printed no report: ${err}`);
  return JSON.parse(out) as JsonResult[];
}

/** How many of `expected`'s lines, in order, cannot be found in `actual` (a greedy subsequence match), and their bytes. */
function unmatched(expected: string[], actual: string[]): { lines: number; bytes: number } {
  let j = 0;
  let lines = 0;
  let bytes = 0;
  for (const line of expected) {
    let k = j;
    while (k < actual.length && actual[k] !== line) k++;
    if (k === actual.length) {
      lines++;
      bytes += Buffer.byteLength(line) + 1;
    } else {
      j = k + 1;
    }
  }
  return { lines, bytes };
}

const REPORTED_CHANGE = /changed on disk while being fixed|deleted while being fixed|edited by another program/;

export async function main(argv: string[]): Promise<number> {
  const opts = options(argv);
  const started = Date.now();
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-stress-fix-')));
  const files = Array.from({ length: opts.files }, (_, i) => path.join(dir, `team-${i}`, 'backlog.md'));
  for (const file of files) {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, SEED_TEXT);
  }

  const writer = new Worker(WRITER, {
    eval: true,
    workerData: { files, edits: opts.edits, intervalMs: opts.intervalMs, seed: opts.seed },
  });
  let written: number[][] | undefined;
  let writerError: Error | undefined;
  writer.on('message', (m: number[][]) => (written = m));
  writer.on('error', (e) => (writerError = e));
  const writerDone = new Promise((resolve) => writer.on('exit', resolve));

  let state = opts.seed * 7919 + 1;
  const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  let runs = 0;
  let replaced = 0;
  let reported = 0;
  const otherProblems: string[] = [];
  let finished = false;
  void writerDone.then(() => (finished = true));
  const tally = (results: JsonResult[]): void => {
    for (const r of results) {
      for (const m of r.messages.filter((x) => x.fatal)) {
        if (REPORTED_CHANGE.test(m.message)) reported++;
        else otherProblems.push(m.message);
      }
    }
  };
  while (!finished) {
    const chosen = [
      ...new Set(Array.from({ length: opts.perRun }, () => files[Math.floor(random() * files.length)] as string)),
    ];
    const before = chosen.map((f) => fs.statSync(f).ino);
    tally(
      await fixOnce(
        dir,
        chosen.map((f) => path.relative(dir, f)),
      ),
    );
    replaced += chosen.filter((f, i) => fs.statSync(f).ino !== before[i]).length;
    runs++;
  }
  if (writerError || !written) {
    console.log(`concurrent-fix: FAIL the writer thread failed: ${writerError?.message ?? 'no result'}`);
    return 1;
  }
  // One quiet run at the end: every file gets its last fixes, with nothing racing it.
  tally(await fixOnce(dir, ['.']));
  runs++;

  let lost = 0;
  let lostBytes = 0;
  let misordered = 0;
  let inConflictCopies = 0;
  const leftovers: string[] = [];
  for (const [i, file] of files.entries()) {
    const folder = path.dirname(file);
    const extra = fs.readdirSync(folder).filter((f) => f !== 'backlog.md');
    const copies = extra.filter((f) => f.includes('.backlog-lint-conflict-'));
    leftovers.push(...extra.filter((f) => !copies.includes(f)).map((f) => path.join(folder, f)));
    const copyText = copies.map((f) => fs.readFileSync(path.join(folder, f), 'utf8')).join('\n');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const mine = (written[i] ?? []).flatMap((n) =>
      chunk(n)
        .split('\n')
        .filter((l) => l.includes('edit-')),
    );
    const present = new Set(lines);
    for (const n of written[i] ?? []) {
      const missing = chunk(n)
        .split('\n')
        .filter((l) => l.includes('edit-') && !present.has(l));
      if (missing.length === 0) continue;
      if (missing.every((l) => copyText.includes(l))) inConflictCopies++;
      else lost++;
    }
    const seen = lines.filter((l) => l.includes('edit-'));
    if (seen.length !== mine.length || seen.some((l, k) => l !== mine[k])) misordered++;
    const expected = (SEED_TEXT + (written[i] ?? []).map(chunk).join('')).split('\n');
    lostBytes += unmatched(expected, lines).bytes;
  }
  const edits = written.reduce((n, w) => n + w.length, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const pass =
    lost === 0 &&
    lostBytes === 0 &&
    misordered === 0 &&
    otherProblems.length === 0 &&
    leftovers.length === 0 &&
    edits >= opts.edits;
  console.log(
    `concurrent-fix: ${pass ? 'PASS' : 'FAIL'} ${edits} edits to ${opts.files} files during ${runs} --fix runs ` +
      `(${replaced} files rewritten by --fix): ${lost} edits lost silently, ${lostBytes} bytes lost, ${misordered} files out of order, ` +
      `${reported} reported changed-and-skipped, ${lateAppends} late appends to an old copy kept, ${inConflictCopies} edits kept in reported conflict copies, ` +
      `${leftovers.length} temp files left, ${otherProblems.length} other problems (${seconds} s)`,
  );
  for (const p of otherProblems.slice(0, 5)) console.log(`  problem: ${p}`);
  for (const f of leftovers.slice(0, 5)) console.log(`  left behind: ${f}`);
  if (pass) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`  files kept in ${dir}`);
  return pass ? 0 : 1;
}
