/**
 * `--baseline`, `--update-baseline`, `--prune-baseline`: reads and writes the baseline file around a run and
 * holds back, file by file, the findings it records (src/core/baseline.ts decides which).
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  BASELINE_FILE_NAME,
  BaselineError,
  holdBack,
  lineTextOf,
  NO_TEXT,
  parseBaseline,
  pruneEntries,
  recordFindings,
  serializeBaseline,
  type Baseline,
  type LineText,
} from '../core/baseline';
import type { LintResult } from '../core/types';
import { relativePath } from '../formatters/paths';
import { readDocument } from './read';
import { writeAtomic } from './write';

export type BaselineMode = 'apply' | 'update' | 'prune';

export interface BaselineOptions {
  /** `--baseline FILE`; undefined: the default file, used when it exists. */
  file?: string;
  mode: BaselineMode;
  /** `--no-baseline`: report everything. */
  off: boolean;
}

export { BaselineError };

export class BaselineRun {
  private held = 0;
  private stale = 0;
  private readonly seen = new Set<string>();

  private constructor(
    /** Absolute path of the baseline file. */
    readonly file: string,
    private readonly baseline: Baseline,
    private readonly mode: BaselineMode,
    private readonly maxFileSize: number,
  ) {}

  /** Undefined when there is no baseline to apply (none asked for, none at the default place, or --no-baseline). */
  static async open(opts: BaselineOptions, cwd: string, maxFileSize: number): Promise<BaselineRun | undefined> {
    if (opts.off) return undefined;
    const file = path.resolve(cwd, opts.file ?? BASELINE_FILE_NAME);
    let text: string | undefined;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new BaselineError(file, undefined, (err as Error).message);
    }
    if (text === undefined) {
      // A baseline named on the command line must exist, unless this run writes it.
      if (opts.mode === 'apply' && opts.file !== undefined)
        throw new BaselineError(file, undefined, 'no such file; create it with --update-baseline');
      if (opts.mode === 'apply' || opts.mode === 'prune') return undefined;
    }
    return new BaselineRun(
      file,
      text === undefined ? new Map() : parseBaseline(text, relativePath(cwd, file)),
      opts.mode,
      maxFileSize,
    );
  }

  /** The result with the baselined findings left out (and, when updating or pruning, the file's entries renewed). */
  async filter(result: LintResult): Promise<LintResult> {
    if (result.problem) return result;
    const key = this.keyOf(result.filePath);
    this.seen.add(key);
    let entries = this.baseline.get(key);
    if (result.findings.length === 0 && this.mode === 'apply') {
      for (const entry of entries?.values() ?? []) this.stale += entry.count;
      return result;
    }
    // Line texts are read again only when fingerprints are needed: to record, to prune, or to tell new from old.
    const needsText = this.mode !== 'apply' || overCount(result, entries);
    const lineText = needsText && result.findings.length > 0 ? await this.lineTextOf(result.filePath) : NO_TEXT;
    if (this.mode === 'update') entries = recordFindings(result.findings, lineText);
    else if (this.mode === 'prune' && entries) entries = pruneEntries(entries, result.findings, lineText);
    if (this.mode !== 'apply') {
      if (entries && entries.size > 0) this.baseline.set(key, entries);
      else this.baseline.delete(key);
    }
    const split = holdBack(result.findings, entries, lineText);
    this.held += split.held;
    this.stale += split.stale;
    return split.held === 0 ? result : { ...result, findings: split.kept };
  }

  /**
   * Writes the file when updating or pruning. Entries of files this run did not lint stay (a `--changed` or
   * `--shard` run sees only some files), unless the file is gone.
   */
  async save(): Promise<void> {
    if (this.mode === 'apply') return;
    const folder = path.dirname(this.file);
    for (const key of [...this.baseline.keys()]) {
      if (this.seen.has(key)) continue;
      const exists = await fsp.stat(path.resolve(folder, key)).then(
        () => true,
        () => false,
      );
      if (!exists) this.baseline.delete(key);
    }
    await writeAtomic(this.file, serializeBaseline(this.baseline));
  }

  /** What to tell the user on standard error after the run. */
  notice(cwd: string): string {
    const name = relativePath(cwd, this.file);
    const lines: string[] = [];
    if (this.mode !== 'apply') {
      let findings = 0;
      for (const entries of this.baseline.values()) for (const e of entries.values()) findings += e.count;
      lines.push(`wrote ${name}: ${plural(findings, 'finding')} in ${plural(this.baseline.size, 'file')}`);
    }
    if (this.held > 0)
      lines.push(`${plural(this.held, 'finding')} held back by the baseline (${name}); --no-baseline shows them`);
    if (this.stale > 0 && this.mode === 'apply') {
      const verb = this.stale === 1 ? 'occurs' : 'occur';
      lines.push(
        `${plural(this.stale, 'baselined finding')} no longer ${verb}; --prune-baseline drops ${this.stale === 1 ? 'it' : 'them'} so new findings cannot hide behind ${this.stale === 1 ? 'it' : 'them'}`,
      );
    }
    return lines.map((l) => `backlog-lint: ${l}\n`).join('');
  }

  get heldBack(): number {
    return this.held;
  }

  private keyOf(filePath: string): string {
    return relativePath(path.dirname(this.file), filePath);
  }

  private async lineTextOf(filePath: string): Promise<LineText> {
    try {
      return lineTextOf((await readDocument(filePath, this.maxFileSize)).text);
    } catch {
      // Standard input, or a file gone since it was linted: counts alone decide.
      return NO_TEXT;
    }
  }
}

function overCount(result: LintResult, entries: ReadonlyMap<string, { count: number }> | undefined): boolean {
  if (!entries) return false;
  const counts = new Map<string, number>();
  for (const f of result.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  for (const [ruleId, n] of counts) if (n > (entries.get(ruleId)?.count ?? Infinity)) return true;
  return false;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
