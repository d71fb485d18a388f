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
 * and the config it describes. Reading streams the file line by line and writing streams it to a temp file
 * renamed over the old one, so neither holds the whole cache as one string, and a run killed halfway leaves
 * the old cache or the new one.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, promises as fsp, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
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
 * An entry read from the file is kept as its line's bytes (verified, parsed only when looked up); one set
 * in this run keeps the output object the run holds anyway, serialised only when the cache is written.
 * Either way the cache adds little to a run's memory beyond the file's size.
 */
type Entry = { text: string; config: string } & ({ line: Buffer } | { output: LintJobOutput });

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
  return existsSync(nodeModules) ? path.join(nodeModules, '.cache', 'backlog-lint', FILE_NAME) : path.join(cwd, '.backlog-lint-cache', FILE_NAME);
}

const header = (tool: string): string => `${MAGIC} ${FORMAT} ${tool}`;

/** Calls `onLine` with each line of the file (without its newline), streaming; returns how many were skipped as over-long. */
async function readLines(file: string, onLine: (line: Buffer, index: number) => boolean): Promise<number> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let overLong = false;
  let skipped = 0;
  let index = 0;
  let stop = false;
  const stream = createReadStream(file, { highWaterMark: WRITE_CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(NEWLINE); nl >= 0 && !stop; nl = chunk.indexOf(NEWLINE, from)) {
        const piece = chunk.subarray(from, nl);
        from = nl + 1;
        if (overLong || pendingLength + piece.length > MAX_LINE) skipped++;
        else stop = !onLine(pending.length === 0 ? piece : Buffer.concat([...pending, piece]), index);
        index++;
        pending = [];
        pendingLength = 0;
        overLong = false;
      }
      if (stop) break;
      const tail = chunk.subarray(from);
      if (index === 0 && pendingLength + tail.length > MAX_HEADER) {
        // A first line longer than any header: not a cache, and not worth reading to its end.
        onLine(Buffer.alloc(0), 0);
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
  } finally {
    stream.destroy();
  }
  // The writer ends every line with a newline: an unterminated last line is a truncated write.
  if (!stop && (pendingLength > 0 || overLong)) skipped++;
  return skipped;
}

/** The integrity hash of an entry line: the tool fingerprint, then every byte after the hash field. */
function integrity(tool: string, rest: Buffer | string): string {
  return createHash('sha256').update(`${tool}\t`).update(rest).digest('hex');
}

export class LintCache {
  private readonly configKeys = new WeakMap<EffectiveConfig, string>();
  private dirty = false;
  /** Entries dropped as damaged in this run. */
  private damaged = 0;

  private constructor(
    private readonly file: string,
    private readonly tool: string,
    private readonly entries: Map<string, Entry>,
    /** Set when the file is there but is not a cache: it is left alone, never overwritten. */
    private readonly foreign?: string,
  ) {}

  static async open(file: string, tool: string): Promise<LintCache> {
    const entries = new Map<string, Entry>();
    let stat;
    try {
      stat = await fsp.stat(file);
    } catch {
      return new LintCache(file, tool, entries); // No cache yet.
    }
    // A FIFO, a device or a folder there is not a cache: reading it could block or never end.
    if (!stat.isFile()) return new LintCache(file, tool, entries, 'is not a regular file');
    if (stat.size === 0) return new LintCache(file, tool, entries);
    let foreign: string | undefined;
    let current = false;
    let damaged = 0;
    try {
      const skipped = await readLines(file, (bytes, index) => {
        if (index === 0) {
          const line = bytes.toString('utf8', 0, Math.min(bytes.length, 1024));
          if (FORMAT_1_START.test(line)) return false;
          // Another format or build of the tool: dropped quietly, as an upgrade does.
          if (!line.startsWith(`${MAGIC} `)) foreign = 'is not a backlog-lint cache file';
          current = line === header(tool);
          return current;
        }
        const entry = parseLine(bytes, tool);
        if (entry) entries.set(entry.path, entry.entry);
        else damaged++;
        return true;
      });
      damaged += skipped;
    } catch (err) {
      return new LintCache(file, tool, new Map(), `could not be read (${(err as Error).message})`);
    }
    if (!current) return new LintCache(file, tool, new Map(), foreign);
    const cache = new LintCache(file, tool, entries);
    cache.damaged = damaged;
    // Dropped lines are rewritten away, so the next run does not find them again.
    cache.dirty = damaged > 0;
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

  /** The stored output for this text and config; with --fix, only when there was nothing to fix. */
  get(filePath: string, textHash: string, config: EffectiveConfig, fix: boolean): LintJobOutput | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || entry.text !== textHash || entry.config !== this.configKey(config)) return undefined;
    const output = 'output' in entry ? entry.output : parseOutput(entry.line, filePath);
    if (!output) {
      this.damaged++;
      this.delete(filePath);
      return undefined;
    }
    if (fix && output.result.findings.some((f) => f.fix)) return undefined;
    return output;
  }

  set(filePath: string, textHash: string, config: EffectiveConfig, output: LintJobOutput): void {
    this.entries.set(filePath, { text: textHash, config: this.configKey(config), output });
    this.dirty = true;
  }

  /** Drops a file's entry (it could not be linted, or was fixed and is stale). */
  delete(filePath: string): void {
    if (this.entries.delete(filePath)) this.dirty = true;
  }

  /** One line for stderr when the cache file was damaged or is not a cache, else undefined. */
  notice(): string | undefined {
    if (this.foreign) return `the cache file ${this.file} ${this.foreign}; it was not used and is left as it is (delete it, or choose another --cache-location)`;
    if (this.damaged > 0) return `${this.damaged} damaged ${this.damaged === 1 ? 'entry' : 'entries'} in the cache file ${this.file} dropped; those files were linted again`;
    return undefined;
  }

  /** An entry line: integrity \t JSON(path) \t text hash \t config hash \t JSON(output without its path). */
  private serialise(filePath: string, text: string, config: string, output: LintJobOutput): Buffer {
    const { filePath: _key, ...result } = output.result;
    const stored = { result, crossFile: output.crossFile, directives: output.directives };
    const rest = Buffer.from([JSON.stringify(filePath), text, config, JSON.stringify(stored)].join('\t'));
    return Buffer.concat([Buffer.from(`${integrity(this.tool, rest)}\t`), rest]);
  }

  async save(): Promise<void> {
    if (!this.dirty || this.foreign) return;
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    // The writer's temp-file name, so a save killed halfway leaves a file the next save removes.
    await removeStaleTemps(path.dirname(this.file)).catch(() => undefined);
    const temp = path.join(path.dirname(this.file), tempNameFor(path.basename(this.file)));
    const handle = await fsp.open(temp, 'w');
    try {
      let chunk: Buffer[] = [Buffer.from(`${header(this.tool)}\n`)];
      let size = 0;
      for (const [filePath, entry] of this.entries) {
        const line = 'line' in entry ? entry.line : this.serialise(filePath, entry.text, entry.config, entry.output);
        chunk.push(line, NEWLINE_BYTE);
        size += line.length + 1;
        if (size >= WRITE_CHUNK) {
          await handle.writev(chunk);
          chunk = [];
          size = 0;
        }
      }
      await handle.writev(chunk);
      await handle.sync();
      await handle.close();
      await fsp.rename(temp, this.file);
    } catch (err) {
      await handle.close().catch(() => undefined);
      // A full disk or a failed rename must not leave the temp file behind.
      await fsp.rm(temp, { force: true });
      throw err;
    }
  }
}

const NEWLINE_BYTE = Buffer.from('\n');

/** An entry line whose integrity hash matches, with its key fields; undefined when damaged. */
function parseLine(line: Buffer, tool: string): { path: string; entry: Entry } | undefined {
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
  return { path: filePath, entry: { text: line.toString('latin1', keyEnd + 1, textEnd), config: line.toString('latin1', textEnd + 1, configEnd), line } };
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
