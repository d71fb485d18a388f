/** One config file, parsed, validated and made ready to apply: its globs compiled, its templates read. */
import type { ArtifactKind, FileSystemHost, Role } from '../core/types';
import { ConfigError, formatKeyPath } from './errors';
import { anyOf, compileGlob, GlobSyntaxError, type PathMatcher } from './globs';
import { formatOf, isPlainObject, parseConfigText } from './parse';
import { parentDir } from './paths';
import type { ConfigFileData, RuleEntry } from './schema';
import type { LoadedPack } from './pack-schema';
import { loadPacks, packRuleIds } from './packs';
import { loadTemplates } from './templates';
import type { ConfigValidator } from './validate';

export interface ConfigLayer {
  file: string;
  /** The config's folder: its globs and `templates` folder are relative to it. */
  dir: string;
  data: ConfigFileData;
  templates: Record<string, string>;
  /** Rule packs this config loads (`packs`), after those of its presets. */
  packs?: LoadedPack[];
  /** The layers of its `extends` presets, applied just before it. */
  extended?: ConfigLayer[];
  artifacts: { match: PathMatcher; kind: ArtifactKind }[];
  ignores: PathMatcher;
  overrides: {
    match: PathMatcher;
    roles?: Role[];
    rules?: Record<string, RuleEntry>;
    allowWords?: string[];
  }[];
}

export interface LayerOptions {
  /** False: leave `templates` folders unread (Restricted Mode in the editor). */
  readTemplates: boolean;
  /** Resolves an `extends` entry to the layers it stands for (src/config/extends.ts). */
  resolveExtends?: (
    name: string,
    from: { file: string; dir: string; keyPath: string; depth: number },
  ) => Promise<ConfigLayer[]>;
  /** How deep in a chain of `extends` this config sits (guards against cycles). */
  depth?: number;
}

/** The layer, or undefined when the file is a package.json without a `"backlog-lint"` key. */
export async function loadLayer(
  fs: FileSystemHost,
  validator: ConfigValidator,
  file: string,
  text: string,
  options: LayerOptions = { readTemplates: true },
): Promise<ConfigLayer | undefined> {
  const parsed = parseConfigText(file, text, formatOf(file));
  if (!parsed) return undefined;
  const prefix = parsed.keyPrefix;
  if (!isPlainObject(parsed.data)) throw new ConfigError(file, formatKeyPath(prefix), 'expected an object');
  const dir = parentDir(file) ?? file;
  // Packs and presets first: the rule ids they add are valid keys of `rules`.
  const raw = parsed.data as Record<string, unknown>;
  const names =
    typeof raw.extends === 'string'
      ? [raw.extends]
      : Array.isArray(raw.extends)
        ? raw.extends.filter((n): n is string => typeof n === 'string' && n !== '')
        : [];
  const extended: ConfigLayer[] = [];
  for (const [i, name] of names.slice(0, 16).entries()) {
    if (!options.resolveExtends)
      throw new ConfigError(file, formatKeyPath([...prefix, 'extends']), 'presets cannot be read here');
    const keyPath = formatKeyPath([...prefix, 'extends', ...(typeof raw.extends === 'string' ? [] : [i])]);
    extended.push(...(await options.resolveExtends(name, { file, dir, keyPath, depth: options.depth ?? 0 })));
  }
  const packPaths = Array.isArray(raw.packs)
    ? raw.packs.filter((p): p is string => typeof p === 'string' && p !== '')
    : [];
  const packs = packPaths.length > 0 ? await loadPacks(fs, file, [...prefix, 'packs'], dir, packPaths) : [];
  const packIds = [...extended.flatMap((l) => l.packs ?? []), ...packs].flatMap(packRuleIds);
  // A namespaced id may belong to a pack a config farther up loads, so it is accepted here.
  const data = validator.validate(file, parsed.data, prefix, [...new Set([...packIds, ...namespacedIds(raw)])]);
  const templates =
    data.templates && options.readTemplates
      ? await loadTemplates(fs, file, formatKeyPath([...prefix, 'templates']), dir, data.templates)
      : {};
  const globs = new GlobCompiler(file, prefix);
  return {
    file,
    dir,
    data,
    templates,
    ...(packs.length > 0 ? { packs } : {}),
    ...(extended.length > 0 ? { extended } : {}),
    artifacts: Object.entries(data.artifacts ?? {}).map(([glob, kind]) => ({
      match: globs.one(glob, ['artifacts', glob]),
      kind,
    })),
    ignores: globs.many(data.ignores ?? [], ['ignores']),
    overrides: (data.overrides ?? []).map(({ files, ...rest }, i) => ({
      match:
        typeof files === 'string'
          ? globs.one(files, ['overrides', i, 'files'])
          : globs.many(files, ['overrides', i, 'files']),
      ...rest,
    })),
  };
}

/** Rule ids of the form `pack/rule` named in `rules` and `overrides[].rules`. */
function namespacedIds(raw: Record<string, unknown>): string[] {
  const keys = (rules: unknown): string[] =>
    isPlainObject(rules) ? Object.keys(rules).filter((k) => /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/.test(k)) : [];
  const overrides = Array.isArray(raw.overrides) ? raw.overrides : [];
  return [...keys(raw.rules), ...overrides.flatMap((o) => (isPlainObject(o) ? keys(o.rules) : []))];
}

/**
 * The NFA states all globs of one config may add up to (plain paths without wildcards cost none). Matching
 * a path costs at most twice its length times the states, so this bounds the work per linted file, which
 * the editor does on its host thread: at most 4 million simple steps for a 200-character path.
 */
export const MAX_GLOB_STATES_PER_CONFIG = 10_000;

/** Compiles a config's globs, blaming a bad one on its key, and keeps the config's total under the limit. */
class GlobCompiler {
  private states = 0;

  constructor(
    private readonly file: string,
    private readonly prefix: readonly string[],
  ) {}

  one(glob: string, keyPath: PropertyKey[]): PathMatcher {
    const where = formatKeyPath([...this.prefix, ...keyPath]);
    let matcher: PathMatcher;
    try {
      matcher = compileGlob(glob);
    } catch (error) {
      if (error instanceof GlobSyntaxError) throw new ConfigError(this.file, where, `invalid glob: ${error.message}`);
      throw error;
    }
    this.states += matcher.size;
    if (this.states > MAX_GLOB_STATES_PER_CONFIG) {
      throw new ConfigError(
        this.file,
        where,
        `the globs of this config are too long or too many in all (limit: ${MAX_GLOB_STATES_PER_CONFIG.toLocaleString('en-US')} pattern states; shorten or merge them)`,
      );
    }
    return matcher;
  }

  many(globs: readonly string[], keyPath: PropertyKey[]): PathMatcher {
    return anyOf(globs.map((glob, i) => this.one(glob, [...keyPath, i])));
  }
}
