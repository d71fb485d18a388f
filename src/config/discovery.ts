/** Finds the config file of one folder. */
import type { FileSystemHost } from '../core/types';
import { joinPosix } from './paths';

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
    const text = await fs.readFile(file);
    if (text !== undefined) yield { file, text };
  }
}
