/** One CLI run: find files, resolve config per file, lint (and fix), check across files, report, exit code. */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { builtinRules as allRules, rulesFor } from '../rule-set';
import type { Rule } from '../core/rule';
import { availableParallelism } from 'node:os';
import { CrossFileRun, withCrossFileFindings } from '../core/cross-file';
import type { EffectiveConfig, LintResult } from '../core/types';
import { ConfigError, createConfigLoader, nodeFileSystem, printConfig, starterConfig } from '../config';
import type { ConfigLoader } from '../config';
import type { CliOptions } from './args';
import { cacheFile, LintCache, sha256, toolFingerprint } from './cache';
import { findMarkdownFiles } from './files';
import { inspectFiles } from './inspect';
import { InOrder } from './in-order';
import { fileOverBudget, lintFileWithin, problemOutput, type FileJob, type LintJobOutput } from './lint-job';
import { decodeDocument, FileReadError, readDocument } from './read';
import { ReportScope, ScopeError } from './report-scope';
import { writeReport, type ReportTotals } from './report-stream';
import { ResultSpool } from './result-spool';
import { explanation } from './explain';
import { rulesTable } from './rules-table';
import { selectShard } from './shard';
import { LARGE_WORKER_HEAP_MB, runInLargeWorker, WorkerMemoryError, WorkerPool, WorkerTimeoutError } from './workers';
import { FixWriter, SkippedWriteError, StaleFileError, writeAtomic, writeRoots } from './write';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  version: string;
  /** The CLI bundle: started again as worker threads, and hashed into the cache key. Without it, no workers. */
  workerScript?: string;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_TROUBLE = 2;

function useColor(opts: CliOptions, io: Io): boolean {
  if (opts.color !== undefined) return opts.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && !opts.output;
}

function problemResult(filePath: string, message: string, extra: { file?: string; keyPath?: string } = {}): LintResult {
  return { filePath, artifact: null, findings: [], suppressed: [], problem: { message, ...extra } };
}

function problemOf(filePath: string, err: unknown): LintResult {
  if (err instanceof ConfigError) return problemResult(filePath, err.message, { file: err.file, keyPath: err.keyPath });
  if (err instanceof FileReadError || err instanceof StaleFileError || err instanceof SkippedWriteError)
    return problemResult(filePath, err.message);
  return problemResult(filePath, `${filePath}: ${(err as Error).message}`);
}

/** Below this many files, starting worker threads (about 100 ms each) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 32;

function workerCount(opts: CliOptions, files: number, io: Io): number {
  if (!io.workerScript || opts.concurrency === 1) return 0;
  if (opts.concurrency === undefined && files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(opts.concurrency ?? availableParallelism(), files);
}

/** Longer texts are never parsed on this thread: their parse could need more heap than it has (workers.ts). */
const MAX_IN_THREAD_LENGTH = 2 * 1024 * 1024;

/** A worker's failure to finish in time, or within its heap, as the file's problem; anything else is thrown. */
function workerProblem(err: unknown, job: FileJob, budget: number): LintJobOutput {
  if (err instanceof WorkerTimeoutError) return fileOverBudget(job.filePath, budget);
  if (err instanceof WorkerMemoryError)
    return problemOutput(
      job.filePath,
      `${job.filePath}: needs more than ${LARGE_WORKER_HEAP_MB} MB of memory to lint, not linted`,
    );
  throw err;
}

/** Lints a document in a worker of its own, with a large heap (the pool's is small). */
async function lintLarge(script: string, job: FileJob, budget: number, since: number): Promise<LintJobOutput> {
  try {
    return await runInLargeWorker(script, job, remaining(budget, since));
  } catch (err) {
    return workerProblem(err, job, budget);
  }
}

/** Lints in a worker; a document too large for a worker's heap gets a worker of its own. */
async function lintInPool(
  pool: WorkerPool,
  script: string,
  job: FileJob,
  budget: number,
  since: number,
): Promise<LintJobOutput> {
  try {
    return await pool.run(job, remaining(budget, since));
  } catch (err) {
    if (err instanceof WorkerMemoryError) return lintLarge(script, job, budget, since);
    return workerProblem(err, job, budget);
  }
}

/** On this thread, within the budget; a very long text in a worker of its own, where one is available. */
function lintHere(job: FileJob, budget: number, since: number, io: Io): LintJobOutput | Promise<LintJobOutput> {
  if (io.workerScript && job.text.length > MAX_IN_THREAD_LENGTH) return lintLarge(io.workerScript, job, budget, since);
  return lintFileWithin(job, remaining(budget, since), budget);
}

/** What is left of a file's budget (0: none) once reading it took from `since` (performance.now()) to now. */
function remaining(budget: number, since: number): number {
  return budget > 0 ? Math.max(1, Math.round(budget - (performance.now() - since))) : 0;
}

async function openCache(opts: CliOptions, io: Io): Promise<LintCache | undefined> {
  if (!opts.cache) return undefined;
  return LintCache.open(cacheFile(io.cwd, opts.cacheLocation), toolFingerprint(io.version, io.workerScript));
}

/** A file's part of the run, in file order: what it contributed, or the problem that stopped it; undefined when ignored. */
type FileOutcome = { output: LintJobOutput; config: EffectiveConfig } | { problem: LintResult } | undefined;

/**
 * Lints the files into the spool, in file order, as each one is done; what checks across files need goes
 * to `cross`. Returns the problems found after a file's fix was written (by file), which replace its result.
 */
async function lintFiles(
  files: string[],
  opts: CliOptions,
  loader: ConfigLoader,
  cross: CrossFileRun,
  spool: ResultSpool,
  io: Io,
): Promise<Map<string, LintResult>> {
  const cache = await openCache(opts, io);
  try {
    return await lintWithCache(files, opts, loader, cross, spool, io, cache);
  } finally {
    cache?.close();
  }
}

async function lintWithCache(
  files: string[],
  opts: CliOptions,
  loader: ConfigLoader,
  cross: CrossFileRun,
  spool: ResultSpool,
  io: Io,
  cache: LintCache | undefined,
): Promise<Map<string, LintResult>> {
  const writer = opts.fix ? new FixWriter(await writeRoots(opts.patterns, io.cwd)) : undefined;
  const workers = workerCount(opts, files.length, io);
  const budget = opts.maxTimePerFile;
  const pool = workers > 0 ? new WorkerPool(io.workerScript as string, workers, budget) : undefined;
  // Files finish out of order; each is reported, and handed to the cross-file checks, in file order.
  const done = new InOrder<FileOutcome>((outcome) => {
    if (!outcome) return;
    if ('problem' in outcome) {
      spool.add(outcome.problem);
      return;
    }
    cross.addCollected(
      outcome.output.result.filePath,
      outcome.output.crossFile,
      outcome.output.directives,
      outcome.config,
    );
    spool.add(outcome.output.result);
  });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as string;
      try {
        const config = await loader.forFile(file);
        if (config.ignored) {
          done.put(i, undefined);
          continue;
        }
        // A file's time budget covers reading it too, but not waiting for a free worker.
        const since = performance.now();
        const doc = await readDocument(file, opts.maxFileSize);
        const hash = cache ? sha256(doc.text) : '';
        let output = cache?.get(file, hash, config, opts.fix);
        if (!output) {
          const job = { text: doc.text, filePath: file, config, fix: opts.fix };
          output = pool
            ? await lintInPool(pool, io.workerScript as string, job, budget, since)
            : await lintHere(job, budget, since, io);
          // A file not linted (over its time budget, too complex) is never cached: a quieter machine or a
          // larger --max-time-per-file must get to lint it next time.
          const keep = output.result.problem ? undefined : cache;
          if (output.fixed !== undefined) {
            await (writer as FixWriter).write(file, (doc.bom ? '\uFEFF' : '') + output.fixed, doc.raw);
            // The result is the fixed text's: that is what the next run will find on disk.
            const { fixed, ...rest } = output;
            keep?.set(file, sha256(fixed), config, rest);
          } else {
            keep?.set(file, hash, config, output);
          }
        }
        done.put(i, { output, config });
      } catch (err) {
        cache?.delete(file);
        done.put(i, { problem: problemOf(file, err) });
      }
    }
  };
  try {
    // Two lanes per linting thread, so reading the next file overlaps with linting the current one.
    await Promise.all(Array.from({ length: (pool ? workers : 1) * 2 }, lane));
  } finally {
    await pool?.close();
  }
  // Edits that reached a file's old version while its fix replaced it, found after the write returned.
  const late = new Map<string, LintResult>();
  for (const [file, message] of (await writer?.settle()) ?? []) {
    cache?.delete(file);
    late.set(file, problemResult(file, message));
  }
  const notice = cache?.notice();
  if (notice) io.stderr(`backlog-lint: ${notice}\n`);
  try {
    await cache?.save();
  } catch (err) {
    io.stderr(`backlog-lint: the cache was not written: ${(err as Error).message}\n`);
  }
  if (io.env.BACKLOG_LINT_DEBUG)
    io.stderr(`linted ${spool.count} files${writer ? `, ${writer.reappended} late appends kept` : ''}\n`);
  return late;
}

async function lintStdin(opts: CliOptions, loader: ConfigLoader, cross: CrossFileRun, io: Io): Promise<LintResult> {
  const name = opts.stdinFilename ? path.resolve(io.cwd, opts.stdinFilename) : path.join(io.cwd, '<stdin>');
  try {
    const config = await loader.forFile(name);
    const since = performance.now();
    const doc = decodeDocument(await io.readStdin(), opts.stdinFilename ?? '<stdin>', opts.maxFileSize);
    const { result, fixed, crossFile, directives } = await lintHere(
      { text: doc.text, filePath: name, config, fix: opts.fix },
      opts.maxTimePerFile,
      since,
      io,
    );
    cross.addCollected(name, crossFile, directives, config);
    // With --fix, standard input is fixed to standard output and the report goes to standard error.
    if (opts.fix) io.stdout((doc.bom ? '\uFEFF' : '') + (fixed ?? doc.text));
    return result;
  } catch (err) {
    return problemOf(name, err);
  }
}

/** A file's result with the findings checks across files add to it, in document order. */
async function report(text: string, opts: CliOptions, io: Io): Promise<void> {
  if (opts.output) await writeAtomic(path.resolve(io.cwd, opts.output), text);
  else if (opts.fix && opts.stdin) io.stderr(text);
  else io.stdout(text);
}

/**
 * The rules a file in the current folder would run: the built-in ones plus those of the packs its config
 * loads (`packs:`, presets). A broken config is said on stderr and leaves the built-in rules, so
 * `--explain` still explains the rule the config error is about.
 */
async function rulesHere(loader: ConfigLoader, io: Io): Promise<readonly Rule<any>[]> {
  try {
    return rulesFor(await loader.forFile(path.join(io.cwd, 'backlog.md')));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`backlog-lint: ${err.message} (listing the built-in rules only)\n`);
    return allRules;
  }
}

export async function run(opts: CliOptions, io: Io): Promise<number> {
  const loader = createConfigLoader({
    fs: nodeFileSystem(),
    rules: allRules,
    configFile: opts.config && path.resolve(io.cwd, opts.config),
    roles: opts.roles,
  });
  if (opts.explain || opts.listRules) {
    const rules = await rulesHere(loader, io);
    if (opts.listRules) {
      io.stdout(rulesTable(rules));
      return EXIT_OK;
    }
    const rule = rules.find((r) => r.meta.id === opts.explain);
    if (!rule) {
      io.stderr(`Unknown rule '${opts.explain}'. Known rules: ${rules.map((r) => r.meta.id).join(', ')}\n`);
      return EXIT_TROUBLE;
    }
    io.stdout(explanation(rule));
    return EXIT_OK;
  }
  if (opts.init) {
    const target = path.join(io.cwd, '.backlog-lint.jsonc');
    try {
      await fsp.writeFile(target, starterConfig(), { flag: 'wx' });
    } catch {
      io.stderr(`${target} already exists; not overwritten\n`);
      return EXIT_TROUBLE;
    }
    io.stdout(`Wrote ${target}\n`);
    return EXIT_OK;
  }
  if (opts.printConfig) {
    try {
      io.stdout(await printConfig(loader, path.resolve(io.cwd, opts.printConfig)));
      return EXIT_OK;
    } catch (err) {
      io.stderr(`${(err as Error).message}\n`);
      return EXIT_TROUBLE;
    }
  }

  let scope: ReportScope;
  try {
    scope = await ReportScope.open(opts, io.cwd, io.env);
  } catch (err) {
    if (!(err instanceof ScopeError)) throw err;
    io.stderr(`backlog-lint: ${err.message}\n`);
    return EXIT_TROUBLE;
  }
  const cross = new CrossFileRun(allRules);
  const spool = new ResultSpool();
  try {
    let late = new Map<string, LintResult>();
    if (opts.stdin) {
      if (opts.inspect) return inspect([], [], opts, loader, io);
      spool.add(await lintStdin(opts, loader, cross, io));
    } else {
      let files: string[];
      const unreadable: LintResult[] = [];
      try {
        files = await findMarkdownFiles(opts.patterns, {
          cwd: io.cwd,
          onUnreadableFolder: ({ folder, message }) => unreadable.push(problemResult(folder, message)),
        });
        if (opts.shard) files = selectShard(files, opts.shard);
      } catch (err) {
        io.stderr(`${(err as Error).message}\n`);
        return EXIT_TROUBLE;
      }
      if (opts.inspect) return inspect(files, unreadable, opts, loader, io);
      for (const problem of unreadable) spool.add(problem);
      late = await lintFiles(files, opts, loader, cross, spool, io);
    }
    const extra = cross.finish();
    // A file whose fix met a late edit reports that problem instead of its findings.
    const finish = (r: LintResult): LintResult =>
      late.get(r.filePath) ?? withCrossFileFindings(r, extra.get(r.filePath));
    const reported = scope.active ? await narrowed(spool, finish, scope) : undefined;
    const ctx = {
      cwd: io.cwd,
      color: useColor(opts, io),
      rules: new Map(allRules.map((r) => [r.meta.id, r])),
      toolVersion: io.version,
      heldBack: scope.heldBack,
      verbose: opts.verbose,
    };
    let totals: ReportTotals;
    try {
      totals = reported
        ? await writeReport(reported, (r) => r, opts, ctx, io)
        : await writeReport(spool, finish, opts, ctx, io);
    } catch (err) {
      io.stderr(`Cannot write the report: ${(err as Error).message}\n`);
      return EXIT_TROUBLE;
    } finally {
      reported?.close();
    }
    try {
      io.stderr(await scope.finish(io.cwd));
    } catch (err) {
      if (!(err instanceof ScopeError)) throw err;
      io.stderr(`backlog-lint: ${err.message}\n`);
      return EXIT_TROUBLE;
    }
    return exitCode(totals, opts, io);
  } finally {
    spool.close();
  }
}

/** The results the baseline and --changed leave to report, spooled again so memory stays flat. */
async function narrowed(
  spool: ResultSpool,
  finish: (r: LintResult) => LintResult,
  scope: ReportScope,
): Promise<ResultSpool> {
  const out = new ResultSpool();
  try {
    for await (const result of spool.results()) {
      const kept = await scope.narrow(finish(result));
      if (kept) out.add(kept);
    }
  } catch (err) {
    out.close();
    throw err;
  }
  return out;
}

function exitCode(totals: ReportTotals, opts: CliOptions, io: Io): number {
  if (totals.problems > 0) return EXIT_TROUBLE;
  if (totals.errors > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && totals.warnings > opts.maxWarnings) {
    io.stderr(`backlog-lint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** `--inspect`: the reading of each file as a JSON array; problems are named on standard error too (exit 2). */
async function inspect(
  files: string[],
  unreadable: LintResult[],
  opts: CliOptions,
  loader: ConfigLoader,
  io: Io,
): Promise<number> {
  const entries = [
    ...unreadable.map((u) => ({ filePath: u.filePath, problem: u.problem?.message ?? '' })),
    ...(await inspectFiles(files, opts, loader, io)),
  ];
  const problems = entries.filter((e) => 'problem' in e);
  for (const p of problems) io.stderr(`${p.problem}\n`);
  try {
    await report(`${JSON.stringify(entries, null, 2)}\n`, opts, io);
  } catch (err) {
    io.stderr(`Cannot write the report: ${(err as Error).message}\n`);
    return EXIT_TROUBLE;
  }
  return problems.length > 0 ? EXIT_TROUBLE : EXIT_OK;
}
