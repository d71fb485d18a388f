/**
 * Loading rule packs named by a config's `packs` key. A pack is data (YAML or JSON), held to the same
 * policy as a templates folder: inside the folder tree of the config that names it (after symlinks),
 * a regular file of at most PACK_LIMITS.bytes. It is validated with zod and its patterns are compiled
 * on RE2 (linear time) here, so a bad pack fails the config with its file and key, never a lint.
 */
import { RE2JS } from 're2js';
import type { z } from 'zod';
import type { FileSystemHost } from '../core/types';
import { ConfigError, formatBytes, formatKeyPath, UnreadableFileError } from './errors';
import { PACK_LIMITS, packSchema, type LoadedPack, type PackData } from './pack-schema';
import { formatOf, parseConfigText } from './parse';
import { joinPosix, toAbsolutePosix } from './paths';
import { isWithin, resolveReal } from './templates';

/** A config names a few packs; more than this is not a config a person wrote. */
export const MAX_PACKS = 32;

/** Small, stable fingerprint of a pack's text: worker threads and caches tell packs apart by it. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

/** The validated pack in `text`, or a ConfigError naming `file` and the key. */
export function parsePack(file: string, text: string, builtin = false): LoadedPack {
  if (text.length > PACK_LIMITS.bytes)
    throw new ConfigError(file, '', `larger than ${formatBytes(PACK_LIMITS.bytes)}; a pack must be at most that`);
  const format = formatOf(file);
  if (format !== 'json' && format !== 'yaml') throw new ConfigError(file, '', 'a pack is a .json, .yaml or .yml file');
  const parsed = parseConfigText(file, text, format);
  const result = packSchema.safeParse(parsed?.data);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 10)
      .map((i: z.core.$ZodIssue) => new ConfigError(file, formatKeyPath(i.path), i.message).message);
    const error = new ConfigError(
      file,
      formatKeyPath(result.error.issues[0]?.path ?? []),
      result.error.issues[0]?.message ?? 'invalid pack',
    );
    error.message = issues.join('\n');
    throw error;
  }
  checkPatterns(file, result.data);
  return { source: file, data: result.data, builtin, key: `${file}#${fingerprint(text)}` };
}

/** Every user pattern must compile on RE2; a backreference or lookaround is refused here, with its key. */
function checkPatterns(file: string, data: PackData): void {
  data.rules.forEach((rule, i) => {
    const patterns: [string, PropertyKey[]][] = [];
    if (rule.kind === 'forbid-terms')
      (rule.patterns ?? []).forEach((p, j) => {
        patterns.push([p, ['rules', i, 'patterns', j]]);
      });
    if (rule.kind === 'require-field' && rule.value?.type === 'pattern')
      patterns.push([rule.value.pattern, ['rules', i, 'value', 'pattern']]);
    for (const [source, keyPath] of patterns) {
      try {
        RE2JS.compile(source);
      } catch (err) {
        throw new ConfigError(
          file,
          formatKeyPath(keyPath),
          `not a pattern backlog-lint can run in linear time (RE2 syntax: no backreferences or lookaround): ${(err as Error).message}`,
        );
      }
    }
    const ids = data.rules.slice(0, i).map((r) => r.id);
    if (ids.includes(rule.id))
      throw new ConfigError(file, formatKeyPath(['rules', i, 'id']), `duplicate rule id '${rule.id}' in this pack`);
  });
}

/** Reads and validates the packs `settings` (paths relative to `configDir`) of `configFile`'s key `keyPath`. */
export async function loadPacks(
  fs: FileSystemHost,
  configFile: string,
  keyPath: readonly PropertyKey[],
  configDir: string,
  settings: readonly string[],
): Promise<LoadedPack[]> {
  if (settings.length > MAX_PACKS)
    throw new ConfigError(
      configFile,
      formatKeyPath(keyPath),
      `${settings.length} packs; at most ${MAX_PACKS} are read`,
    );
  const out: LoadedPack[] = [];
  for (const [i, setting] of settings.entries()) {
    const fail = (detail: string) => new ConfigError(configFile, formatKeyPath([...keyPath, i]), detail);
    const file = toAbsolutePosix(joinPosix(configDir, setting));
    if (setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting) || !isWithin(configDir, file)) {
      throw fail(`a pack must be inside the folder of this config file (${configDir}); '${setting}' is not`);
    }
    const realDir = await resolveReal(fs, configDir, fail);
    const realFile = await resolveReal(fs, file, fail);
    if (realFile === undefined) throw fail(`pack not found: ${file}`);
    if (realDir !== undefined && !isWithin(realDir, realFile))
      throw fail(`${file} is a symlink to ${realFile}, outside the folder of this config file`);
    let text: string | undefined;
    try {
      text = await fs.readFile(file, PACK_LIMITS.bytes + 1);
    } catch (error) {
      if (error instanceof UnreadableFileError)
        throw fail(
          `${error.path}: ${error.reason}; a pack must be a regular file of at most ${formatBytes(PACK_LIMITS.bytes)}`,
        );
      throw error;
    }
    if (text === undefined) throw fail(`pack not found: ${file}`);
    out.push(parsePack(file, text));
  }
  return out;
}

/** The rule ids a pack adds, as configs name them. */
export function packRuleIds(pack: LoadedPack): string[] {
  return pack.data.rules.map((r) => (pack.builtin ? r.id : `${pack.data.name}/${r.id}`));
}
