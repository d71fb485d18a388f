/** Finds the config file of one folder. */
import type { FileSystemHost } from '../core/types';
import { ConfigError, formatBytes, UnreadableFileError } from './errors';
import { joinPosix } from './paths';

/** Largest config file read (a package.json included): configs are a few KB; this is far above any real one. */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

/**
 * Config file names in priority order: when a folder holds several, the first one wins and the others
 * are not read (as in markdownlint-cli2). JSONC comes first because it is what `--init` writes; the
 * package.json key is the fallback, used only when the folder has no dedicated config file.
 */
export const CONFIG_FILE_NAMES = [
  '.backlog-lint.jsonc',
  '.backlog-lint.json',
  '.backlog-lint.yaml',
  '.backlog-lint.yml',
  'package.json',
] as const;

export interface FoundConfig {
  file: string;
  text: string;
}

/**
 * The candidate config files of a folder, in priority order, with their text. A package.json is only a
 * config if it has a `"backlog-lint"` key, which the caller checks, so the search yields lazily.
 */
export async function* configCandidates(fs: FileSystemHost, dir: string): AsyncGenerator<FoundConfig> {
  // One listing instead of five failed reads when the host can list (vscode.workspace.fs, node).
  const listing = fs.readDirectory ? await fs.readDirectory(dir) : undefined;
  if (fs.readDirectory && !listing) return;
  const present = listing ? new Set(listing) : undefined;
  for (const name of CONFIG_FILE_NAMES) {
    if (present && !present.has(name)) continue;
    const file = joinPosix(dir, name);
    const text = await readConfigFile(fs, file);
    if (text !== undefined) yield { file, text };
  }
}

/**
 * A config file's text, or undefined when it does not exist. A FIFO, a device, a folder or a file over
 * MAX_CONFIG_BYTES is a ConfigError naming the config file, never read (and never blamed on a Markdown file).
 */
export async function readConfigFile(fs: FileSystemHost, file: string): Promise<string | undefined> {
  let text: string | undefined;
  try {
    text = await fs.readFile(file, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      throw new ConfigError(file, '', `cannot read this config file: ${error.reason}`);
    throw error;
  }
  // A host that does not cap its reads (memory) is still held to the limit.
  if (text !== undefined && text.length > MAX_CONFIG_BYTES) {
    throw new ConfigError(file, '', `cannot read this config file: larger than ${formatBytes(MAX_CONFIG_BYTES)}`);
  }
  return text;
}
