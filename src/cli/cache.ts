/**
 * The result cache: a re-run skips every file whose text, effective config and tool build are unchanged.
 * An entry is keyed by the file's path and holds the SHA-256 of its text and of its effective config
 * (rules, severities, options, templates, roles, globs resolved for it); the whole cache is keyed by the
 * tool's version and a hash of the running bundle, so an upgrade or a changed rule discards it. Entries keep
 * what checks across files need (their items and suppression comments), so a warm run reports the same
 * cross-file findings as a cold one. A missing, corrupt or foreign cache file is ignored, never fatal; it is
 * written atomically (temp file and rename), so a run killed halfway leaves the old cache or the new one.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EffectiveConfig } from '../core/types';
import type { LintJobOutput } from './lint-job';
import { writeAtomic } from './write';

const FORMAT = 1;
const FILE_NAME = 'cache.json';

interface Entry {
  text: string;
  config: string;
  output: LintJobOutput;
}

interface CacheFile {
  format: number;
  tool: string;
  entries: Record<string, Entry>;
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

/** `--cache-location`: a folder (existing, or written with a trailing slash) gets cache.json inside it. */
export function cacheFile(cwd: string, location: string | undefined): string {
  if (location) {
    const target = path.resolve(cwd, location);
    const isDir = /[\\/]$/.test(location) || (existsSync(target) && !target.endsWith('.json'));
    return isDir ? path.join(target, FILE_NAME) : target;
  }
  // node_modules/.cache is where Babel, ESLint's loaders and Prettier keep caches: ignored everywhere, cached by CI setups.
  const nodeModules = path.join(cwd, 'node_modules');
  return existsSync(nodeModules) ? path.join(nodeModules, '.cache', 'backlog-lint', FILE_NAME) : path.join(cwd, '.backlog-lint-cache', FILE_NAME);
}

export class LintCache {
  private readonly configKeys = new WeakMap<EffectiveConfig, string>();
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly tool: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(file: string, tool: string): Promise<LintCache> {
    const entries = new Map<string, Entry>();
    try {
      const data = JSON.parse(await fsp.readFile(file, 'utf8')) as Partial<CacheFile>;
      if (data && data.format === FORMAT && data.tool === tool && data.entries && typeof data.entries === 'object') {
        for (const [key, entry] of Object.entries(data.entries)) {
          if (isEntry(entry)) entries.set(key, entry);
        }
      }
    } catch {
      // No cache yet, unreadable or corrupt: start empty.
    }
    return new LintCache(file, tool, entries);
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
    if (fix && entry.output.result.findings.some((f) => f.fix)) return undefined;
    return entry.output;
  }

  set(filePath: string, textHash: string, config: EffectiveConfig, output: LintJobOutput): void {
    this.entries.set(filePath, { text: textHash, config: this.configKey(config), output });
    this.dirty = true;
  }

  /** Drops a file's entry (it could not be linted, or was fixed and is stale). */
  delete(filePath: string): void {
    if (this.entries.delete(filePath)) this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const data: CacheFile = { format: FORMAT, tool: this.tool, entries: Object.fromEntries(this.entries) };
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    await writeAtomic(this.file, JSON.stringify(data));
  }
}

function isEntry(value: unknown): value is Entry {
  const e = value as Entry;
  return !!e && typeof e.text === 'string' && typeof e.config === 'string' && !!e.output && !!e.output.result && Array.isArray(e.output.result.findings) && Array.isArray(e.output.crossFile) && Array.isArray(e.output.directives);
}
