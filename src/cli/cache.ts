/**
 * The result cache: a re-run skips every file whose text, effective config and tool build are unchanged.
 * An entry is keyed by the file's path and holds the SHA-256 of its text and of its effective config
 * (rules, severities, options, templates, roles, globs resolved for it); the whole cache is keyed by the
 * tool's version and a hash of the running bundle, so an upgrade or a changed rule discards it. Entries keep
 * what checks across files need (their items and suppression comments), so a warm run reports the same
 * cross-file findings as a cold one.
 *
 * The cache is never believed blindly. The file is one header line, then one line per entry:
 *   integrity \t JSON(path) \t text hash \t config hash \t JSON(output)
 * where integrity is the SHA-256 of the tool fingerprint and the rest of the line. A line whose hash does not
 * match (a flipped bit, a truncated write, a hand edit) is dropped when the file is read, and an entry whose
 * output fails the zod schema is dropped when it is looked up; either way the file is linted again. The
 * hash detects damage, not a forger who recomputes it: whoever can write the cache can also write the files
 * and the config it describes.
 *
 * Memory stays flat in the number of files. Reading streams the file and keeps only each entry's key fields
 * and where its line is; a lookup reads that line again from the open file and checks its hash once more
 * (the file may have changed since). An entry set in this run is written at once to the temp file that
 * becomes the new cache, and saving adds the old lines still wanted and renames it over the old file, so
 * no run holds the whole cache, as one string or as objects, and a run killed halfway leaves the old cache.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  read as fsRead,
  fsyncSync,
  mkdirSync,
  openSync,
  promises as fsp,
  readFileSync,
  readSync,
  rmSync,
  type Stats,
  statSync,
  writevSync,
} from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { EffectiveConfig, LintResult } from '../core/types';
import { cachedOutputSchema } from './cache-schema';
import { removeStaleTemps, tempNameFor } from './write';
import type { LintJobOutput } from './lint-job';

const MAGIC = 'backlog-lint-cache';
const FORMAT = 2;
const FILE_NAME = 'cache.json';
/** The cache file as the first format wrote it (one JSON object): recognised, so it is replaced quietly. */
const FORMAT_1_START = /^\{\s*"format"\s*:/;
/** A longer line is damage (or not a cache); it is skipped without being held in memory. */
const MAX_LINE = 64 * 1024 * 1024;
/** The header line is far shorter; a file whose first line is longer is not read further. */
const MAX_HEADER = 4096;
/** Lines are written in chunks of about this many bytes. */
const WRITE_CHUNK = 1024 * 1024;
const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * An entry of the old file is its key fields and where its line is (`at`, `length`); one set in this run is
 * already in the new file (`written`). Hashes are kept as strings: one config hash is shared by many files.
 */
type Entry = { text: string; config: string } & ({ at: number; length: number } | { written: true });

export const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');

/** The tool's version and a hash of the code that is running (rules included): any change in either invalidates. */
export function toolFingerprint(version: string, bundle: string | undefined): string {
  let code = '';
  try {
    code = bundle ? readFileSync(bundle, 'latin1') : '';
  } catch {
    // Without the bundle to hash, the version alone keys the cache.
  }
  return `${version}+${sha256(code).slice(0, 16)}`;
}

/**
 * `--cache-location`: a folder gets cache.json inside it. A folder is a path written with a trailing slash
 * or one that exists as a folder; any other path (an existing file, or nothing yet) is the cache file itself.
 */
export function cacheFile(cwd: string, location: string | undefined): string {
  if (location) {
    const target = path.resolve(cwd, location);
    let isDir = /[\\/]$/.test(location);
    try {
      isDir ||= statSync(target).isDirectory();
    } catch {
      // Nothing there yet: without a trailing slash, it is the file to write.
    }
    return isDir ? path.join(target, FILE_NAME) : target;
  }
  // node_modules/.cache is where Babel, ESLint's loaders and Prettier keep caches: ignored everywhere, cached by CI setups.
  const nodeModules = path.join(cwd, 'node_modules');
  return existsSync(nodeModules)
    ? path.join(nodeModules, '.cache', 'backlog-lint', FILE_NAME)
    : path.join(cwd, '.backlog-lint-cache', FILE_NAME);
}

const header = (tool: string): string => `${MAGIC} ${FORMAT} ${tool}`;

/**
 * Calls `onLine` with each line of the open file (without its newline) and the byte offset where it starts,
 * streaming; returns how many were skipped as over-long.
 */
async function readLines(fd: number, onLine: (line: Buffer, index: number, at: number) => boolean): Promise<number> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let overLong = false;
  let skipped = 0;
  let index = 0;
  let stop = false;
  // Where the chunk being read starts in the file, and where the current line starts.
  let chunkAt = 0;
  let lineAt = 0;
  for await (const chunk of chunks(fd)) {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl >= 0 && !stop; nl = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, nl);
      from = nl + 1;
      if (overLong || pendingLength + piece.length > MAX_LINE) skipped++;
      else stop = !onLine(pending.length === 0 ? piece : Buffer.concat([...pending, piece]), index, lineAt);
      index++;
      lineAt = chunkAt + from;
      pending = [];
      pendingLength = 0;
      overLong = false;
    }
    if (stop) break;
    const tail = chunk.subarray(from);
    chunkAt += chunk.length;
    if (index === 0 && pendingLength + tail.length > MAX_HEADER) {
      // A first line longer than any header: not a cache, and not worth reading to its end.
      onLine(Buffer.alloc(0), 0, 0);
      stop = true;
      break;
    }
    if (overLong || pendingLength + tail.length > MAX_LINE) {
      overLong = true;
      pending = [];
      pendingLength = 0;
    } else if (tail.length > 0) {
      pending.push(tail);
      pendingLength += tail.length;
    }
  }
  // The writer ends every line with a newline: an unterminated last line is a truncated write.
  if (!stop && (pendingLength > 0 || overLong)) skipped++;
  return skipped;
}

/** The file's bytes from its start, a chunk at a time, leaving the descriptor open for later reads. */
async function* chunks(fd: number): AsyncGenerator<Buffer> {
  const read = promisify(fsRead);
  for (let at = 0; ; ) {
    const buffer = Buffer.allocUnsafe(WRITE_CHUNK);
    const { bytesRead } = await read(fd, buffer, 0, WRITE_CHUNK, at);
    if (bytesRead === 0) return;
    at += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** The integrity hash of an entry line: the tool fingerprint, then every byte after the hash field. */
function integrity(tool: string, rest: Buffer | string): string {
  return createHash('sha256').update(`${tool}\t`).update(rest).digest('hex');
}

export class LintCache {
  private readonly configKeys = new WeakMap<EffectiveConfig, string>();
  /** One copy of each config hash read from the file. */
  private readonly configHashes = new Map<string, string>();
  private dirty = false;
  /** Entries dropped as damaged in this run. */
  private damaged = 0;
  /** The temp file that becomes the new cache, once this run has an entry to write. */
  private next: { path: string; fd: number; chunk: Buffer[]; size: number } | undefined;
  /** Why the new cache could not be written; save() reports it. */
  private failed: Error | undefined;

  private constructor(
    private readonly file: string,
    private readonly tool: string,
    private readonly entries: Map<string, Entry>,
    /** The old cache file, open for reading entries again, or undefined when there is none. */
    private old?: number,
    /** Set when the file is there but is not a cache: it is left alone, never overwritten. */
    private readonly foreign?: string,
  ) {}

  static async open(file: string, tool: string): Promise<LintCache> {
    let stat: Stats;
    try {
      stat = await fsp.stat(file);
    } catch {
      return new LintCache(file, tool, new Map()); // No cache yet.
    }
    // A FIFO, a device or a folder there is not a cache: reading it could block or never end.
    if (!stat.isFile()) return new LintCache(file, tool, new Map(), undefined, 'is not a regular file');
    if (stat.size === 0) return new LintCache(file, tool, new Map());
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (err) {
      return new LintCache(file, tool, new Map(), undefined, `could not be read (${(err as Error).message})`);
    }
    const cache = new LintCache(file, tool, new Map(), fd);
    let foreign: string | undefined;
    let current = false;
    try {
      const skipped = await readLines(fd, (bytes, index, at) => {
        if (index === 0) {
          const line = bytes.toString('utf8', 0, Math.min(bytes.length, 1024));
          if (FORMAT_1_START.test(line)) return false;
          // Another format or build of the tool: dropped quietly, as an upgrade does.
          if (!line.startsWith(`${MAGIC} `)) foreign = 'is not a backlog-lint cache file';
          current = line === header(tool);
          return current;
        }
        const entry = parseLine(bytes, tool);
        if (entry)
          cache.entries.set(entry.path, {
            text: entry.text,
            config: cache.oneConfigHash(entry.config),
            at,
            length: bytes.length,
          });
        else cache.damaged++;
        return true;
      });
      cache.damaged += skipped;
    } catch (err) {
      closeSync(fd);
      return new LintCache(file, tool, new Map(), undefined, `could not be read (${(err as Error).message})`);
    }
    if (!current) {
      closeSync(fd);
      return new LintCache(file, tool, new Map(), undefined, foreign);
    }
    // Dropped lines are rewritten away, so the next run does not find them again.
    cache.dirty = cache.damaged > 0;
    return cache;
  }

  configKey(config: EffectiveConfig): string {
    let key = this.configKeys.get(config);
    if (key === undefined) {
      key = sha256(JSON.stringify(config));
      this.configKeys.set(config, key);
    }
    return key;
  }

  private oneConfigHash(hash: string): string {
    const known = this.configHashes.get(hash);
    if (known !== undefined) return known;
    this.configHashes.set(hash, hash);
    return hash;
  }

  /** The stored output for this text and config; with --fix, only when there was nothing to fix. */
  get(filePath: string, textHash: string, config: EffectiveConfig, fix: boolean): LintJobOutput | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || !('at' in entry) || entry.text !== textHash || entry.config !== this.configKey(config))
      return undefined;
    const output = this.readOutput(filePath, entry);
    if (!output) {
      this.damaged++;
      this.delete(filePath);
      return undefined;
    }
    if (fix && output.result.findings.some((f) => f.fix)) return undefined;
    return output;
  }

  /** The entry's line read again, checked again (hash, key fields, shape): undefined when it fails. */
  private readOutput(
    filePath: string,
    entry: { text: string; config: string; at: number; length: number },
  ): LintJobOutput | undefined {
    const line = this.readLine(entry);
    const fields = line && parseLine(line, this.tool);
    if (!line || !fields || fields.path !== filePath || fields.text !== entry.text || fields.config !== entry.config)
      return undefined;
    return parseOutput(line, filePath);
  }

  private readLine(entry: { at: number; length: number }): Buffer | undefined {
    if (this.old === undefined) return undefined;
    const line = Buffer.allocUnsafe(entry.length);
    try {
      return readSync(this.old, line, 0, entry.length, entry.at) === entry.length ? line : undefined;
    } catch {
      return undefined;
    }
  }

  set(filePath: string, textHash: string, config: EffectiveConfig, output: LintJobOutput): void {
    if (this.foreign) return;
    this.append(this.serialise(filePath, textHash, this.configKey(config), output));
    this.entries.set(filePath, { text: textHash, config: this.configKey(config), written: true });
    this.dirty = true;
  }

  /**
   * Drops a file's entry (it could not be linted, or was fixed and is stale). A line this run already
   * wrote stays in the new file: its hashes name the exact text and config it describes, so it is right
   * for that text and never used for another.
   */
  delete(filePath: string): void {
    if (this.entries.delete(filePath)) this.dirty = true;
  }

  /** One line for stderr when the cache file was damaged or is not a cache, else undefined. */
  notice(): string | undefined {
    if (this.foreign)
      return `the cache file ${this.file} ${this.foreign}; it was not used and is left as it is (delete it, or choose another --cache-location)`;
    if (this.damaged > 0)
      return `${this.damaged} damaged ${this.damaged === 1 ? 'entry' : 'entries'} in the cache file ${this.file} dropped; those files were linted again`;
    return undefined;
  }

  /** An entry line: integrity \t JSON(path) \t text hash \t config hash \t JSON(output without its path). */
  private serialise(filePath: string, text: string, config: string, output: LintJobOutput): Buffer {
    const { filePath: _key, ...result } = output.result;
    const stored = { result, crossFile: output.crossFile, directives: output.directives };
    const rest = Buffer.from([JSON.stringify(filePath), text, config, JSON.stringify(stored)].join('\t'));
    return Buffer.concat([Buffer.from(`${integrity(this.tool, rest)}\t`), rest]);
  }

  /** Adds a line to the new cache file; a failure to write is kept for save() to report, and the run goes on. */
  private append(line: Buffer): void {
    if (this.failed) return;
    try {
      const next = this.openNext();
      next.chunk.push(line, NEWLINE_BYTE);
      next.size += line.length + 1;
      if (next.size >= WRITE_CHUNK) this.flush(next);
    } catch (err) {
      this.failed = err as Error;
    }
  }

  private openNext(): NonNullable<LintCache['next']> {
    if (this.next) return this.next;
    mkdirSync(path.dirname(this.file), { recursive: true });
    // The writer's temp-file name, so a run killed halfway leaves a file a later save removes.
    const temp = path.join(path.dirname(this.file), tempNameFor(path.basename(this.file)));
    this.next = { path: temp, fd: openSync(temp, 'wx'), chunk: [Buffer.from(`${header(this.tool)}\n`)], size: 0 };
    return this.next;
  }

  private flush(next: NonNullable<LintCache['next']>): void {
    writevSync(next.fd, next.chunk);
    next.chunk = [];
    next.size = 0;
  }

  /** Completes the new cache file (this run's entries, then the old ones still wanted) and puts it in place. */
  async save(): Promise<void> {
    if (!this.dirty || this.foreign) return;
    await removeStaleTemps(path.dirname(this.file)).catch(() => undefined);
    for (const entry of this.entries.values()) {
      if (!('at' in entry)) continue;
      // Copied as they are: each line is checked again when it is looked up.
      const line = this.readLine(entry);
      if (line) this.append(line);
    }
    if (this.failed) throw this.failed;
    const next = this.openNext();
    this.flush(next);
    fsyncSync(next.fd);
    closeSync(next.fd);
    // Windows may refuse to rename over a file that is open.
    if (this.old !== undefined) closeSync(this.old);
    this.old = undefined;
    try {
      await fsp.rename(next.path, this.file);
    } finally {
      // Renamed, or removed by close(): either way no longer this run's to write.
      this.next = { ...next, fd: -1 };
    }
    this.next = undefined;
  }

  /** Closes the files; a new cache file that was not saved is removed. */
  close(): void {
    if (this.old !== undefined) closeSync(this.old);
    this.old = undefined;
    if (!this.next) return;
    try {
      if (this.next.fd >= 0) closeSync(this.next.fd);
    } finally {
      rmSync(this.next.path, { force: true });
      this.next = undefined;
    }
  }
}

const NEWLINE_BYTE = Buffer.from('\n');

/** An entry line whose integrity hash matches, with its key fields; undefined when damaged. */
function parseLine(line: Buffer, tool: string): { path: string; text: string; config: string } | undefined {
  const tabs: number[] = [];
  for (let at = line.indexOf(TAB); at >= 0 && tabs.length < 5; at = line.indexOf(TAB, at + 1)) tabs.push(at);
  if (tabs.length !== 4) return undefined;
  const [hashEnd, keyEnd, textEnd, configEnd] = tabs as [number, number, number, number];
  if (line.toString('latin1', 0, hashEnd) !== integrity(tool, line.subarray(hashEnd + 1))) return undefined;
  let filePath: unknown;
  try {
    filePath = JSON.parse(line.toString('utf8', hashEnd + 1, keyEnd));
  } catch {
    return undefined;
  }
  if (typeof filePath !== 'string') return undefined;
  return {
    path: filePath,
    text: line.toString('latin1', keyEnd + 1, textEnd),
    config: line.toString('latin1', textEnd + 1, configEnd),
  };
}

/** The entry's output when it has the shape the tool writes; undefined otherwise. */
function parseOutput(line: Buffer, filePath: string): LintJobOutput | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line.toString('utf8', line.lastIndexOf(TAB) + 1));
  } catch {
    return undefined;
  }
  const parsed = cachedOutputSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { result, crossFile, directives } = parsed.data;
  return { result: { filePath, ...result } as LintResult, crossFile, directives } as LintJobOutput;
}
