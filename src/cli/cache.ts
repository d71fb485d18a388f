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
import type { LintJobOutput } from './lint-job';

const MAGIC = 'backlog-lint-cache';
const FORMAT = 2;
const FILE_NAME = 'cache.json';
/** The cache file as the first format wrote it (one JSON object): recognised, so it is replaced quietly. */
const FORMAT_1_START = /^\{\s*"format"\s*:/;
/** A longer line is damage (or not a cache); it is skipped without being held in memory. */
const MAX_LINE = 64 * 1024 * 1024;
/** Lines are written in chunks of about this many characters. */
const WRITE_CHUNK = 1024 * 1024;

interface Entry {
  text: string;
  config: string;
  /** The whole line as stored, integrity hash first; output JSON is its last field. */
  line: string;
}

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
const integrity = (tool: string, rest: string): string => sha256(`${tool}\t${rest}`);

/** Calls `onLine` for each line of the file, streaming; returns how many over-long lines were skipped. */
async function readLines(file: string, onLine: (line: string, index: number) => boolean): Promise<number> {
  let pending: string[] = [];
  let pendingLength = 0;
  let overLong = false;
  let skipped = 0;
  let index = 0;
  let stop = false;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let from = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0 && !stop; nl = chunk.indexOf('\n', from)) {
        const piece = chunk.slice(from, nl);
        from = nl + 1;
        if (overLong || pendingLength + piece.length > MAX_LINE) skipped++;
        else stop = !onLine(pending.length === 0 ? piece : pending.join('') + piece, index);
        index++;
        pending = [];
        pendingLength = 0;
        overLong = false;
      }
      if (stop) break;
      const tail = chunk.slice(from);
      if (overLong || pendingLength + tail.length > MAX_LINE) {
        overLong = true;
        pending = [];
        pendingLength = 0;
      } else if (tail !== '') {
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
      const skipped = await readLines(file, (line, index) => {
        if (index === 0) {
          if (FORMAT_1_START.test(line)) return false;
          // Another format or build of the tool: dropped quietly, as an upgrade does.
          if (!line.startsWith(`${MAGIC} `)) foreign = 'is not a backlog-lint cache file';
          current = line === header(tool);
          return current;
        }
        const entry = parseLine(line, tool);
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
    const output = parseOutput(entry.line, filePath);
    if (!output) {
      this.damaged++;
      this.delete(filePath);
      return undefined;
    }
    if (fix && output.result.findings.some((f) => f.fix)) return undefined;
    return output;
  }

  set(filePath: string, textHash: string, config: EffectiveConfig, output: LintJobOutput): void {
    const { filePath: _key, ...result } = output.result;
    const stored = { result, crossFile: output.crossFile, directives: output.directives };
    const rest = [JSON.stringify(filePath), textHash, this.configKey(config), JSON.stringify(stored)].join('\t');
    this.entries.set(filePath, { text: textHash, config: this.configKey(config), line: `${integrity(this.tool, rest)}\t${rest}` });
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

  async save(): Promise<void> {
    if (!this.dirty || this.foreign) return;
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.${Date.now()}.tmp`);
    const handle = await fsp.open(temp, 'w');
    try {
      let chunk = `${header(this.tool)}\n`;
      for (const entry of this.entries.values()) {
        chunk += `${entry.line}\n`;
        if (chunk.length >= WRITE_CHUNK) {
          await handle.write(chunk);
          chunk = '';
        }
      }
      await handle.write(chunk);
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

/** An entry line whose integrity hash matches, split into its key fields; undefined when damaged. */
function parseLine(line: string, tool: string): { path: string; entry: Entry } | undefined {
  const fields = line.split('\t');
  if (fields.length !== 5) return undefined;
  const [hash, key, text, config] = fields as [string, string, string, string, string];
  if (hash !== integrity(tool, line.slice(hash.length + 1))) return undefined;
  let filePath: unknown;
  try {
    filePath = JSON.parse(key);
  } catch {
    return undefined;
  }
  return typeof filePath === 'string' ? { path: filePath, entry: { text, config, line } } : undefined;
}

/** The entry's output when it has the shape the tool writes; undefined otherwise. */
function parseOutput(line: string, filePath: string): LintJobOutput | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line.slice(line.lastIndexOf('\t') + 1));
  } catch {
    return undefined;
  }
  const parsed = cachedOutputSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { result, crossFile, directives } = parsed.data;
  return { result: { filePath, ...result } as LintResult, crossFile, directives } as LintJobOutput;
}
