/**
 * `extends` entries: the built-in presets (`backlog-lint:recommended`, `:strict`, `:definition-of-ready`)
 * and shared configs published as npm packages. A package is looked up in the node_modules folders above
 * the config and only its JSON or YAML is read, never required or imported: presets are data, safe in
 * untrusted workspaces and in CI.
 */
import type { Rule } from '../core/rule';
import type { FileSystemHost } from '../core/types';
import { readConfigFile } from './discovery';
import { ConfigError } from './errors';
import type { ConfigLayer, LayerOptions } from './layer';
import { loadLayer } from './layer';
import { parentDir, joinPosix, toAbsolutePosix } from './paths';
import { isWithin } from './templates';
import type { ConfigValidator } from './validate';

/** Presets extending presets: deeper than this is a cycle or a mistake. */
export const MAX_EXTENDS_DEPTH = 5;

const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
/** Files a shared-config package may hold its config in, when its package.json names none. */
const PACKAGE_CONFIG_FILES = ['backlog-lint.json', 'backlog-lint.yaml', 'backlog-lint.yml'];

export const PRESET_NAMES = ['recommended', 'strict', 'definition-of-ready'] as const;

/** The built-in presets, as config data. */
export function builtinPreset(name: string, rules: readonly Rule<any>[]): Record<string, unknown> | undefined {
  switch (name) {
    case 'recommended':
      // Today's defaults: every rule at its own severity.
      return {};
    case 'strict':
      // Everything a rule can report blocks CI: warnings and infos become errors.
      return { rules: Object.fromEntries(rules.map((r) => [r.meta.id, 'error'])) };
    case 'definition-of-ready': {
      const ready = [
        'story-format',
        'story-benefit',
        'story-acceptance-criteria',
        'placeholder',
        'prd-problem',
        'prd-audience',
        'prd-success-metrics',
        'prd-scope',
        'prd-risks',
        'epic-objective',
      ];
      return {
        rules: Object.fromEntries(ready.filter((id) => rules.some((r) => r.meta.id === id)).map((id) => [id, 'error'])),
      };
    }
    default:
      return undefined;
  }
}

export function createExtendsResolver(
  fs: FileSystemHost,
  validator: ConfigValidator,
  rules: readonly Rule<any>[],
  options: LayerOptions,
): NonNullable<LayerOptions['resolveExtends']> {
  const resolve: NonNullable<LayerOptions['resolveExtends']> = async (name, from) => {
    const fail = (detail: string) => new ConfigError(from.file, from.keyPath, detail);
    if (from.depth >= MAX_EXTENDS_DEPTH)
      throw fail(`presets extend each other more than ${MAX_EXTENDS_DEPTH} deep (a cycle?)`);
    const nested: LayerOptions = { ...options, resolveExtends: resolve, depth: from.depth + 1 };
    let layer: ConfigLayer | undefined;
    if (name.startsWith('backlog-lint:')) {
      const data = builtinPreset(name.slice('backlog-lint:'.length), rules);
      if (!data)
        throw fail(
          `unknown preset '${name}' (built-in presets: ${PRESET_NAMES.map((n) => `backlog-lint:${n}`).join(', ')})`,
        );
      layer = await loadLayer(fs, validator, `${name}.json`, JSON.stringify(data), nested);
    } else {
      if (!PACKAGE_NAME.test(name))
        throw fail(`'${name}' is neither a built-in preset (backlog-lint:…) nor an npm package name`);
      const { file, text } = await packageConfig(fs, from.dir, name, fail);
      layer = await loadLayer(fs, validator, file, text, nested);
    }
    if (!layer) throw fail(`'${name}' holds no backlog-lint config`);
    // Its globs apply relative to the config that extends it, as in ESLint's shareable configs.
    return [{ ...layer, dir: from.dir }];
  };
  return resolve;
}

/** The config file of package `name` in the nearest node_modules above `dir`: named by its package.json's `"backlog-lint"` key, else a default file name. */
async function packageConfig(
  fs: FileSystemHost,
  dir: string,
  name: string,
  fail: (d: string) => ConfigError,
): Promise<{ file: string; text: string }> {
  for (let at: string | undefined = toAbsolutePosix(dir); at !== undefined; at = parentDir(at)) {
    const pkgDir = joinPosix(at, 'node_modules', name);
    const manifest = await readConfigFile(fs, joinPosix(pkgDir, 'package.json'));
    if (manifest === undefined) continue;
    let declared: unknown;
    try {
      declared = (JSON.parse(manifest) as Record<string, unknown>)['backlog-lint'];
    } catch {
      throw fail(`${pkgDir}/package.json is not valid JSON`);
    }
    const candidates = typeof declared === 'string' ? [declared] : PACKAGE_CONFIG_FILES;
    for (const candidate of candidates) {
      const file = toAbsolutePosix(joinPosix(pkgDir, candidate));
      if (!isWithin(pkgDir, file)) throw fail(`${pkgDir}/package.json points outside its package: ${candidate}`);
      if (!/\.(?:json|ya?ml)$/.test(file))
        throw fail(`${name}: only a .json, .yaml or .yml config is read from a package, not ${candidate}`);
      const text = await readConfigFile(fs, file);
      if (text !== undefined) return { file, text };
    }
    throw fail(`${name} (${pkgDir}) has no ${candidates.join(' or ')}`);
  }
  throw fail(`package '${name}' not found in node_modules above ${dir}`);
}
