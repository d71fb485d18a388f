/** Loads a config's `templates` folder: each `*.md` file overrides the built-in fix template of the same key. */
import type { FileSystemHost } from '../core/types';
import { ConfigError } from './errors';
import { joinPosix } from './paths';

/**
 * `story-acceptance-criteria.md` → key `story-acceptance-criteria`. Keys are not checked against the rules'
 * templates: a file whose key no rule asks for is simply unused. Files are read in name order.
 */
export async function loadTemplates(
  fs: FileSystemHost,
  configFile: string,
  keyPath: string,
  folder: string,
): Promise<Record<string, string>> {
  if (!fs.readDirectory) throw new ConfigError(configFile, keyPath, 'this host cannot list folders');
  const names = await fs.readDirectory(folder);
  if (!names) throw new ConfigError(configFile, keyPath, `folder not found: ${folder}`);
  const templates: Record<string, string> = {};
  for (const name of [...names].sort()) {
    if (!name.endsWith('.md')) continue;
    const text = await fs.readFile(joinPosix(folder, name));
    if (text !== undefined) templates[name.slice(0, -'.md'.length)] = text;
  }
  return templates;
}
