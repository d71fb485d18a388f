/**
 * The results of a run, in file order, kept compactly until the report is written: checks across files can
 * add findings to any file until the last one is linted, so no file's report can be written before then.
 * Each result is held as its JSON text; past SPILL_BYTES they go to a temp file (owner-only, removed when
 * the run ends), so a run over 100,000 files holds a few MB of results instead of every result object.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LintResult } from '../core/types';

/** Results held in memory before they go to disk: a run this small never writes the temp file. */
const SPILL_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

export class ResultSpool {
  private held: string[] = [];
  private heldBytes = 0;
  private file: { dir: string; path: string; fd: number } | undefined;
  count = 0;

  add(result: LintResult): void {
    // JSON.stringify escapes every line break inside strings: one result is one line.
    const line = JSON.stringify(result);
    this.held.push(line);
    this.heldBytes += line.length;
    this.count++;
    if (this.heldBytes >= SPILL_BYTES) this.spill();
  }

  /** Every result in the order added; can be called again for a second pass. */
  async *results(): AsyncGenerator<LintResult> {
    if (this.file) {
      this.spill();
      yield* readLines(this.file.path);
    }
    for (const line of this.held) yield JSON.parse(line) as LintResult;
  }

  /** Removes the temp file; the spool is empty afterwards. */
  close(): void {
    this.held = [];
    this.heldBytes = 0;
    if (!this.file) return;
    closeSync(this.file.fd);
    rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private spill(): void {
    if (this.held.length === 0) return;
    if (!this.file) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-results-'));
      const file = path.join(dir, 'results.jsonl');
      this.file = { dir, path: file, fd: openSync(file, 'wx', 0o600) };
    }
    writeSync(this.file.fd, `${this.held.join('\n')}\n`);
    this.held = [];
    this.heldBytes = 0;
  }
}

async function* readLines(file: string): AsyncGenerator<LintResult> {
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, nl);
      from = nl + 1;
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      yield JSON.parse(line.toString('utf8')) as LintResult;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
}
