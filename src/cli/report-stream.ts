/**
 * Writing a run's report a file at a time, from the spooled results, so the report of 100,000 files is
 * never one string in memory: each result is finished (cross-file findings merged, --quiet applied),
 * formatted, and written through a buffer to standard output, standard error or the --output file.
 * The same pass counts what decides the exit code.
 */
import * as path from 'node:path';
import type { LintResult } from '../core/types';
import { reportStream, type FormatContext } from '../formatters';
import type { CliOptions } from './args';
import type { ResultSpool } from './result-spool';
import { openAtomic, type AtomicFile } from './write';
import type { Io } from './run';

/** Text is handed to the destination in pieces of about this size. */
const FLUSH_CHARS = 256 * 1024;

export interface ReportTotals {
  /** Files that could not be linted. */
  problems: number;
  errors: number;
  warnings: number;
}

/** Where the report goes: --output (atomic), standard error (--fix of standard input), else standard output. */
class ReportSink {
  private pending: string[] = [];
  private size = 0;

  private constructor(
    private readonly file: AtomicFile | undefined,
    private readonly print: (text: string) => void,
  ) {}

  static async open(opts: CliOptions, io: Io): Promise<ReportSink> {
    if (opts.output) return new ReportSink(await openAtomic(path.resolve(io.cwd, opts.output)), () => undefined);
    return new ReportSink(undefined, opts.fix && opts.stdin ? io.stderr : io.stdout);
  }

  async write(text: string): Promise<void> {
    if (text === '') return;
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.file?.close();
  }

  async abort(): Promise<void> {
    await this.file?.abort();
  }

  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (this.file) await this.file.write(text);
    else this.print(text);
  }
}

function onlyErrors(result: LintResult): LintResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === 'error') };
}

/**
 * Formats every spooled result, each passed through `finish` first, and writes the report. Throws when the
 * report cannot be written; an --output file is then left as it was.
 */
export async function writeReport(
  spool: ResultSpool,
  finish: (r: LintResult) => LintResult,
  opts: CliOptions,
  ctx: FormatContext,
  io: Io,
): Promise<ReportTotals> {
  const stream = reportStream(opts.format, ctx);
  const shown = (r: LintResult): LintResult => (opts.quiet ? onlyErrors(r) : r);
  if (stream.scan) for await (const result of spool.results()) stream.scan(shown(finish(result)));
  const totals: ReportTotals = { problems: 0, errors: 0, warnings: 0 };
  const sink = await ReportSink.open(opts, io);
  try {
    await sink.write(stream.head());
    for await (const spooled of spool.results()) {
      const result = finish(spooled);
      if (result.problem) totals.problems++;
      for (const f of result.findings) {
        if (f.severity === 'error') totals.errors++;
        else if (f.severity === 'warning') totals.warnings++;
      }
      await sink.write(stream.file(shown(result)));
    }
    await sink.write(stream.tail());
  } catch (err) {
    await sink.abort();
    throw err;
  }
  await sink.close();
  return totals;
}
