/**
 * The long fuzz run behind `npm run fuzz` (bundled and started by scripts/fuzz/run.mjs): checks the safety
 * properties of test/fuzz/properties.ts on many generated and mutated documents, keeps going after a
 * violation to show every distinct kind, and reports documents per second and the slowest document.
 *
 *   npm run fuzz -- [--runs N] [--from I] [--seed S] [--seeds DIR…] [--workers N] [--max-failures N] [--out DIR]
 *   npm run fuzz -- --replay FILE.json

 * Cases are split over worker threads (default: one per core); each case's input depends only on the seed
 * and its index, so `--seed S` replays a run whatever the number of workers. `--from I` checks only cases
 * I to N-1 of the run of N: a long run can be split over sessions or machines, or resumed.
 *
 * `--seeds DIR` adds the Markdown files under DIR (read by path, never copied) as seeds to mutate.
 *
 * The smallest failing case of each kind is written whole to a file under `--out` (default
 * out/fuzz-failures/): the document as it was linted (`.md`, byte for byte) and a `.json` with the config
 * and file name too. `--replay FILE.json` checks that one case again, so every report reproduces.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as fc from 'fast-check';
import { lintConfig, fileName } from '../../test/fuzz/config';
import { markdownDocument } from '../../test/fuzz/markdown';
import { checkDocument, PropertyViolation } from '../../test/fuzz/properties';
import type { EffectiveConfig } from '../../src/core/types';

interface Args {
  replay?: string;
  out: string;
  runs: number;
  from: number;
  seed: number;
  seedDirs: string[];
  workers: number;
  maxFailures: number;
}

interface Failure {
  count: number;
  /** The first cases of this kind, by index in the run (enough to replay any with --from). */
  cases: number[];
  text: string;
  file: string;
  config: EffectiveConfig;
}

interface SliceReport {
  done: number;
  bytes: number;
  findings: number;
  fixesApplied: number;
  fixedDocs: number;
  withheld: [string, number][];
  failures: [string, Failure][];
  slowest: { ms: number; length: number };
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    out: path.join('out', 'fuzz-failures'),
    runs: 100_000,
    from: 0,
    seed: Date.now() % 2 ** 31,
    seedDirs: [],
    workers: os.availableParallelism(),
    maxFailures: 20,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') args.runs = Number(value());
    else if (a === '--from') args.from = Number(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--seeds') args.seedDirs.push(value());
    else if (a === '--max-failures') args.maxFailures = Number(value());
    else if (a === '--replay') args.replay = value();
    else if (a === '--out') args.out = value();
    else if (a === '--workers') args.workers = Math.max(1, Number(value()));
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(args.from) || args.from < 0 || args.from >= args.runs)
    throw new Error('--from must be an integer from 0 to --runs minus 1');
  return args;
}

function markdownUnder(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownUnder(full, out);
    else if (entry.isFile() && /\.(md|markdown|txt)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** Cases of one fast-check sample: case i is number i % BATCH of the sample seeded by the seed plus its batch's first index. */
const BATCH = 1000;

/** Checks cases [from, to) of the run. */
function runSlice(
  args: Args,
  from: number,
  to: number,
  progress: (done: number, failures: number) => void,
): SliceReport {
  // Real documents are mutated in pieces of at most 20 KB, so each case stays small and the rate comparable.
  const seeds = args.seedDirs.flatMap((d) => markdownUnder(d)).map((f) => fs.readFileSync(f, 'utf8').slice(0, 20_000));
  const arbitrary = fc.tuple(markdownDocument(seeds), lintConfig, fileName);
  const failures = new Map<string, Failure>();
  const withheld = new Map<string, number>();
  const report: SliceReport = {
    done: 0,
    bytes: 0,
    findings: 0,
    fixesApplied: 0,
    fixedDocs: 0,
    withheld: [],
    failures: [],
    slowest: { ms: 0, length: 0 },
  };
  for (let batch = from - (from % BATCH); batch < to && failures.size < args.maxFailures; batch += BATCH) {
    // Samples are drawn in order from the seed, so the first k of a longer sample are the sample of k.
    const first = Math.max(from, batch);
    const cases = fc
      .sample(arbitrary, { numRuns: Math.min(batch + BATCH, to) - batch, seed: args.seed + batch })
      .slice(first - batch);
    for (const [k, [text, config, file]] of cases.entries()) {
      const index = first + k;
      const t0 = performance.now();
      try {
        const s = checkDocument(text, config, file, { crlfEquivalence: true });
        report.findings += s.findings;
        report.fixesApplied += s.fixesApplied;
        if (s.passes > 0) report.fixedDocs++;
        for (const id of s.withheld) withheld.set(id, (withheld.get(id) ?? 0) + 1);
      } catch (err) {
        const message = err instanceof PropertyViolation ? err.message : `unexpected: ${(err as Error).stack}`;
        const kind = message.replace(/\d+/g, 'N').split('\n')[0] as string;
        const seen = failures.get(kind);
        if (seen) {
          seen.count++;
          if (seen.cases.length < 20) seen.cases.push(index);
          if (text.length < seen.text.length) Object.assign(seen, { text, file, config });
        } else {
          const failure = { count: 1, cases: [index], text, file, config };
          failures.set(kind, failure);
          // Written at once too, so a long run's first failures can be looked at (and replayed) while it goes on.
          const base = path.join(args.out, `seed-${args.seed}-case-${index}`);
          saveCase(base, kind, failure);
          process.stderr.write(
            `\nnew kind of violation at case ${index}: ${kind}\n  replay: npm run fuzz -- --replay ${base}.json\n`,
          );
        }
      }
      const ms = performance.now() - t0;
      if (ms > report.slowest.ms) report.slowest = { ms, length: text.length };
      report.bytes += text.length;
      report.done++;
    }
    progress(report.done, failures.size);
  }
  report.withheld = [...withheld];
  report.failures = [...failures];
  return report;
}

function merge(reports: SliceReport[]): SliceReport {
  const withheld = new Map<string, number>();
  const failures = new Map<string, Failure>();
  const total: SliceReport = {
    done: 0,
    bytes: 0,
    findings: 0,
    fixesApplied: 0,
    fixedDocs: 0,
    withheld: [],
    failures: [],
    slowest: { ms: 0, length: 0 },
  };
  for (const r of reports) {
    total.done += r.done;
    total.bytes += r.bytes;
    total.findings += r.findings;
    total.fixesApplied += r.fixesApplied;
    total.fixedDocs += r.fixedDocs;
    if (r.slowest.ms > total.slowest.ms) total.slowest = r.slowest;
    for (const [id, n] of r.withheld) withheld.set(id, (withheld.get(id) ?? 0) + n);
    for (const [kind, f] of r.failures) {
      const seen = failures.get(kind);
      if (!seen) failures.set(kind, { ...f, cases: [...f.cases] });
      else {
        seen.count += f.count;
        seen.cases = [...seen.cases, ...f.cases].sort((a, b) => a - b).slice(0, 20);
        if (f.text.length < seen.text.length) Object.assign(seen, { text: f.text, file: f.file, config: f.config });
      }
    }
  }
  total.withheld = [...withheld];
  total.failures = [...failures];
  return total;
}

function print(args: Args, r: SliceReport, secs: number): number {
  console.log(
    `seed ${args.seed}, ${args.from > 0 ? `cases ${args.from} to ${args.runs - 1}, ` : ''}${r.done} documents (${(r.bytes / 1e6).toFixed(1)} MB) in ${secs.toFixed(1)} s with ${args.workers} workers: ${(r.done / secs).toFixed(0)} documents/s`,
  );
  console.log(
    `${r.findings} findings; ${r.fixedDocs} documents fixed with ${r.fixesApplied} fixes; slowest document ${r.slowest.ms.toFixed(0)} ms (${r.slowest.length} characters)`,
  );
  if (r.withheld.length > 0) {
    const list = r.withheld
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
    console.log(
      `fixes withheld by --fix because they did not remove their finding (rule defects, not applied): ${list}`,
    );
  }
  if (r.failures.length === 0) {
    console.log('every property held');
    return 0;
  }
  console.log(`${r.failures.length} kinds of property violation:`);
  fs.mkdirSync(args.out, { recursive: true });
  r.failures.forEach(([kind, f], i) => {
    const base = path.join(args.out, `seed-${args.seed}-${i + 1}`);
    saveCase(base, kind, f);
    console.log(
      `\n${f.count}× ${kind}\n  cases ${f.cases.join(', ')}${f.count > f.cases.length ? ', …' : ''}\n  smallest (${f.text.length} characters, linted as ${f.file}): ${base}.md\n  replay: npm run fuzz -- --replay ${base}.json`,
    );
  });
  return 1;
}

/** The document as linted (`.md`, byte for byte) and everything to replay it (`.json`). */
function saveCase(base: string, kind: string, f: Failure): void {
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}.md`, f.text);
  fs.writeFileSync(
    `${base}.json`,
    `${JSON.stringify({ kind, file: f.file, config: f.config, text: f.text }, null, 2)}\n`,
  );
}

/** Checks one saved case again and prints what it breaks, or that it now holds. */
function replay(file: string): number {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    kind: string;
    file: string;
    config: EffectiveConfig;
    text: string;
  };
  try {
    checkDocument(saved.text, saved.config, saved.file, { crlfEquivalence: true });
  } catch (err) {
    console.log(err instanceof PropertyViolation ? err.message : `unexpected: ${(err as Error).stack}`);
    return 1;
  }
  console.log(`every property held (was: ${saved.kind})`);
  return 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.replay !== undefined) return replay(args.replay);
  const started = performance.now();
  const per = Math.ceil((args.runs - args.from) / args.workers);
  const done = new Array<number>(args.workers).fill(0);
  const failing = new Array<number>(args.workers).fill(0);
  const reports = await Promise.all(
    done.map(
      (_, w) =>
        new Promise<SliceReport>((resolve, reject) => {
          const worker = new Worker(__filename, {
            workerData: { args, from: args.from + w * per, to: Math.min(args.runs, args.from + (w + 1) * per) },
            execArgv: process.execArgv,
          });
          worker.on('message', (m: { progress?: [number, number]; report?: SliceReport }) => {
            if (m.report) resolve(m.report);
            if (m.progress) {
              [done[w], failing[w]] = m.progress;
              const n = done.reduce((a, b) => a + b, 0);
              const secs = (performance.now() - started) / 1000;
              process.stderr.write(
                `\r${n} documents, ${(n / secs).toFixed(0)} documents/s, ${failing.reduce((a, b) => a + b, 0)} failure kinds   `,
              );
            }
          });
          worker.on('error', reject);
        }),
    ),
  );
  process.stderr.write('\n');
  return print(args, merge(reports), (performance.now() - started) / 1000);
}

if (isMainThread) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exitCode = 2;
    },
  );
} else {
  const { args, from, to } = workerData as { args: Args; from: number; to: number };
  const report = runSlice(args, from, to, (n, f) => parentPort?.postMessage({ progress: [n, f] }));
  parentPort?.postMessage({ report });
}
