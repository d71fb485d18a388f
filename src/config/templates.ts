/**
 * Loads a config's `templates` folder: each `*.md` file overrides the built-in fix template of the same key.
 *
 * A template is text `--fix` writes into documents, so the folder is held to a policy:
 * - it must lie inside the folder tree of the config file that names it, after symlinks are resolved
 *   (`../../etc`, an absolute path elsewhere, or a symlinked folder leading out are refused);
 * - each template must be a regular file (a symlink is followed only to a file inside that same tree),
 *   of at most MAX_TEMPLATE_BYTES, and the folder may hold at most MAX_TEMPLATES of them.
 * Anything else is a ConfigError naming the config file and its `templates` key; nothing is read from it.
 */
import type { FileSystemHost } from '../core/types';
import { ConfigError, formatBytes, UnreadableFileError } from './errors';
import { joinPosix, relativeInside, toAbsolutePosix } from './paths';

/** Fix templates are a few lines; 64 KB is far above any and keeps a fixed document well under --max-file-size. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
/** Rules ask for a few dozen keys; a folder with more `.md` files than this is not a templates folder. */
export const MAX_TEMPLATES = 256;

/**
 * `story-acceptance-criteria.md` → key `story-acceptance-criteria`. Keys are not checked against the rules'
 * templates: a file whose key no rule asks for is simply unused. Files are read in name order.
 * `setting` is the key's value, relative to `configDir` (the config file's folder).
 */
export async function loadTemplates(
  fs: FileSystemHost,
  configFile: string,
  keyPath: string,
  configDir: string,
  setting: string,
): Promise<Record<string, string>> {
  const fail = (detail: string) => new ConfigError(configFile, keyPath, detail);
  if (!fs.readDirectory) throw fail('this host cannot list folders');
  const folder = toAbsolutePosix(joinPosix(configDir, setting));
  if (setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting) || !isWithin(configDir, folder)) {
    throw fail(
      `the templates folder must be inside the folder of this config file (${configDir}); '${setting}' is not`,
    );
  }
  const realDir = await resolveReal(fs, configDir, fail);
  const realFolder = await resolveReal(fs, folder, fail);
  if (realFolder === undefined) throw fail(`folder not found: ${folder}`);
  if (realDir !== undefined && !isWithin(realDir, realFolder)) {
    throw fail(`the templates folder ${folder} is a symlink to ${realFolder}, outside the folder of this config file`);
  }
  const names = await fs.readDirectory(folder);
  if (!names) throw fail(`folder not found: ${folder}`);
  const files = names.filter((name) => name.endsWith('.md')).sort();
  if (files.length > MAX_TEMPLATES)
    throw fail(`${folder} holds ${files.length} .md files; at most ${MAX_TEMPLATES} templates are read`);
  const templates: Record<string, string> = {};
  for (const name of files) {
    const file = joinPosix(folder, name);
    const realFile = await resolveReal(fs, file, fail);
    if (realFile === undefined) continue; // vanished since the listing
    if (realDir !== undefined && !isWithin(realDir, realFile)) {
      throw fail(`${file} is a symlink to ${realFile}, outside the folder of this config file`);
    }
    let text: string | undefined;
    try {
      text = await fs.readFile(file, MAX_TEMPLATE_BYTES);
    } catch (error) {
      if (error instanceof UnreadableFileError)
        throw fail(
          `${error.path}: ${error.reason}; a template must be a regular file of at most ${formatBytes(MAX_TEMPLATE_BYTES)}`,
        );
      throw error;
    }
    if (text === undefined) continue;
    // Hosts that do not cap reads (memory) are held to the same limit.
    if (text.length > MAX_TEMPLATE_BYTES)
      throw fail(
        `${file}: larger than ${formatBytes(MAX_TEMPLATE_BYTES)}; a template must be a regular file of at most ${formatBytes(MAX_TEMPLATE_BYTES)}`,
      );
    templates[name.slice(0, -'.md'.length)] = text;
  }
  return templates;
}

/** The real path, undefined when missing or when the host has no links; an unresolvable link fails the key. */
export async function resolveReal(
  fs: FileSystemHost,
  path: string,
  fail: (detail: string) => ConfigError,
): Promise<string | undefined> {
  if (!fs.realPath) return path;
  try {
    const real = await fs.realPath(path);
    return real === undefined ? undefined : toAbsolutePosix(real);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw fail(`${error.path}: ${error.reason}`);
    throw error;
  }
}

export function isWithin(dir: string, path: string): boolean {
  return path === dir || relativeInside(dir, path) !== undefined;
}
