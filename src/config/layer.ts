/** One config file, parsed, validated and made ready to apply: its globs compiled, its templates read. */
import type { ArtifactKind, FileSystemHost, Role } from '../core/types';
import { ConfigError, formatKeyPath } from './errors';
import { compileGlob, compileGlobs, type PathMatcher } from './globs';
import { formatOf, isPlainObject, parseConfigText } from './parse';
import { joinPosix, parentDir } from './paths';
import type { ConfigFileData, RuleEntry } from './schema';
import { loadTemplates } from './templates';
import type { ConfigValidator } from './validate';

export interface ConfigLayer {
  file: string;
  /** The config's folder: its globs and `templates` folder are relative to it. */
  dir: string;
  data: ConfigFileData;
  templates: Record<string, string>;
  artifacts: { match: PathMatcher; kind: ArtifactKind }[];
  ignores: PathMatcher;
  overrides: {
    match: PathMatcher;
    roles?: Role[];
    rules?: Record<string, RuleEntry>;
    allowWords?: string[];
  }[];
}

/** The layer, or undefined when the file is a package.json without a `"backlog-lint"` key. */
export async function loadLayer(
  fs: FileSystemHost,
  validator: ConfigValidator,
  file: string,
  text: string,
): Promise<ConfigLayer | undefined> {
  const parsed = parseConfigText(file, text, formatOf(file));
  if (!parsed) return undefined;
  const prefix = parsed.keyPrefix;
  if (!isPlainObject(parsed.data)) throw new ConfigError(file, formatKeyPath(prefix), 'expected an object');
  const data = validator.validate(file, parsed.data, prefix);
  const dir = parentDir(file) ?? file;
  const templates = data.templates
    ? await loadTemplates(fs, file, formatKeyPath([...prefix, 'templates']), joinPosix(dir, data.templates))
    : {};
  return {
    file,
    dir,
    data,
    templates,
    artifacts: Object.entries(data.artifacts ?? {}).map(([glob, kind]) => ({ match: compileGlob(glob), kind })),
    ignores: compileGlobs(data.ignores ?? []),
    overrides: (data.overrides ?? []).map(({ files, ...rest }) => ({
      match: compileGlobs(typeof files === 'string' ? [files] : files),
      ...rest,
    })),
  };
}
