/**
 * The config loader the CLI and the editor share: for each linted file it finds the config files above it,
 * merges them and resolves globs and overrides for that file. Parsed configs are cached per folder, so a run
 * over thousands of files reads each config file once.
 */
import type { Rule } from '../core/rule';
import type { FileSystemHost, Role } from '../core/types';
import { configCandidates, readConfigFile } from './discovery';
import { createExtendsResolver } from './extends';
import { ConfigError } from './errors';
import { loadLayer, type ConfigLayer, type LayerOptions } from './layer';
import { parentDir, toAbsolutePosix } from './paths';
import { resolveFileConfig, type FileConfig } from './resolve';
import { createValidator, type ConfigValidator } from './validate';

export { ConfigError } from './errors';
export { defaultConfig } from './defaults';
export { nodeFileSystem } from './node-fs';
export type { FileConfig } from './resolve';

export interface ConfigLoaderOptions {
  /** Injected: node fs for the CLI, vscode.workspace.fs for the editor, memory in tests. */
  fs: FileSystemHost;
  /** For rule-id and rule-options validation. */
  rules: readonly Rule<any>[];
  /** `--config FILE`: use only this file, no discovery (ESLint's --config with --no-config-lookup). */
  configFile?: string;
  /** `--role`: narrows the roles the config selects. */
  roles?: Role[];
  /** A folder where upward discovery stops (after reading its config): the workspace root in the editor. */
  stopAt?: string;
  /**
   * False: never read `templates` folders (the key is still validated); fixes use the built-in templates.
   * The editor passes false in Restricted Mode, so an untrusted workspace's folder is not even listed.
   */
  readTemplates?: boolean;
}

export interface ConfigLoader {
  /**
   * The config for a file. The file need not exist (an untitled document passes its folder plus a virtual
   * name); POSIX and native paths are both accepted. Rejects with a ConfigError for a bad config file.
   */
  forFile(filePath: string): Promise<FileConfig>;
  /** Forgets every parsed config (the editor calls it when a config file changes). */
  clearCache(): void;
}

export function createConfigLoader(opts: ConfigLoaderOptions): ConfigLoader {
  const validator = createValidator(opts.rules);
  const layerOptions: LayerOptions = { readTemplates: opts.readTemplates ?? true };
  layerOptions.resolveExtends = createExtendsResolver(opts.fs, validator, opts.rules, layerOptions);
  const stopAt = opts.stopAt === undefined ? undefined : toAbsolutePosix(opts.stopAt);
  // Promises are cached (not results) so that concurrent lookups in one folder share a single read.
  let folderLayers = new Map<string, Promise<ConfigLayer | undefined>>();
  let folderChains = new Map<string, Promise<ConfigLayer[]>>();
  let explicitChain: Promise<ConfigLayer[]> | undefined;

  function layerOf(dir: string): Promise<ConfigLayer | undefined> {
    let layer = folderLayers.get(dir);
    if (!layer) {
      layer = findLayer(opts.fs, validator, dir, layerOptions);
      folderLayers.set(dir, layer);
    }
    return layer;
  }

  /** The layers in force for files in `dir`, farthest first. */
  function chainOf(dir: string): Promise<ConfigLayer[]> {
    let chain = folderChains.get(dir);
    if (!chain) {
      chain = (async () => {
        const layer = await layerOf(dir);
        const parent = parentDir(dir);
        const stop = layer?.data.root === true || dir === stopAt || parent === undefined;
        const above = stop ? [] : await chainOf(parent);
        return layer ? [...above, layer] : above;
      })();
      folderChains.set(dir, chain);
    }
    return chain;
  }

  function explicitLayers(configFile: string): Promise<ConfigLayer[]> {
    explicitChain ??= loadExplicit(opts.fs, validator, toAbsolutePosix(configFile), layerOptions);
    return explicitChain;
  }

  return {
    async forFile(filePath) {
      const file = toAbsolutePosix(filePath);
      const layers = opts.configFile ? await explicitLayers(opts.configFile) : await chainOf(parentDir(file) ?? file);
      return resolveFileConfig(layers, file, opts.roles);
    },
    clearCache() {
      folderLayers = new Map();
      folderChains = new Map();
      explicitChain = undefined;
    },
  };
}

/** The config of one folder: its first config file in priority order (a package.json only with our key). */
async function findLayer(
  fs: FileSystemHost,
  validator: ConfigValidator,
  dir: string,
  options: LayerOptions,
): Promise<ConfigLayer | undefined> {
  for await (const { file, text } of configCandidates(fs, dir)) {
    const layer = await loadLayer(fs, validator, file, text, options);
    if (layer) return layer;
  }
  return undefined;
}

async function loadExplicit(
  fs: FileSystemHost,
  validator: ConfigValidator,
  file: string,
  options: LayerOptions,
): Promise<ConfigLayer[]> {
  const text = await readConfigFile(fs, file);
  if (text === undefined) throw new ConfigError(file, '', 'config file not found');
  const layer = await loadLayer(fs, validator, file, text, options);
  if (!layer) throw new ConfigError(file, '', 'no "backlog-lint" key in this package.json');
  return [layer];
}
