/** Computes the configuration in force for one file from the config layers that apply to it. */
import type { LoadedPack } from './pack-schema';
import type { EffectiveConfig, Role, RuleSetting } from '../core/types';
import { defaultConfig } from './defaults';
import type { ConfigLayer } from './layer';
import { relativeInside } from './paths';
import type { RuleEntry } from './schema';

export interface FileConfig extends EffectiveConfig {
  /** True when an `ignores` glob of a contributing config matches the file (or one of its folders). */
  ignored: boolean;
}

/**
 * Merge rules, layer by layer from the farthest config to the nearest:
 * - `roles`, `acceptanceCriteriaLabels`: the nearest config that sets them wins;
 * - `rules`: per rule id, nearest wins; a severity alone keeps options set farther away (as in ESLint);
 * - `allowWords`: concatenated (duplicates dropped);
 * - `templates`: per template key, nearest wins;
 * - `artifacts`: the last matching glob of the nearest config with a match wins;
 * - `ignores`: the file is ignored if any config's globs match;
 * - `overrides`: applied after all of that, farthest config's first, each in order, so later entries win.
 * Finally `cliRoles` (`--role`) narrows the roles: only roles in both lists run.
 */
export function resolveFileConfig(
  layers: readonly ConfigLayer[],
  file: string,
  cliRoles?: readonly Role[],
): FileConfig {
  const config: FileConfig = { ...defaultConfig(), ignored: false };
  const allowWords: string[] = [];
  // A config's presets (`extends`) apply just before it, so its own settings win over theirs.
  layers = layers.flatMap((layer) => [...(layer.extended ?? []), layer]);
  const packs = new Map<string, LoadedPack>();
  for (const layer of layers) for (const pack of layer.packs ?? []) packs.set(pack.key, pack);
  if (packs.size > 0) config.packs = [...packs.values()];
  for (const layer of layers) {
    const { data } = layer;
    if (data.roles) config.roles = [...data.roles];
    if (data.rules) mergeRules(config.rules, data.rules);
    // One by one: spreading 100,000 words as arguments overflows the stack.
    if (data.allowWords) for (const word of data.allowWords) allowWords.push(word);
    if (data.acceptanceCriteriaLabels) config.acceptanceCriteriaLabels = [...data.acceptanceCriteriaLabels];
    Object.assign(config.templates, layer.templates);
    const relative = relativeInside(layer.dir, file);
    if (relative === undefined) continue;
    for (const { match, kind } of layer.artifacts) if (match.matches(relative)) config.artifact = kind;
    if (layer.ignores.matchesPathOrFolder(relative)) config.ignored = true;
  }
  for (const layer of layers) {
    const relative = relativeInside(layer.dir, file);
    if (relative === undefined) continue;
    for (const override of layer.overrides) {
      if (!override.match.matches(relative)) continue;
      if (override.roles) config.roles = [...override.roles];
      if (override.rules) mergeRules(config.rules, override.rules);
      if (override.allowWords) allowWords.push(...override.allowWords);
    }
  }
  if (cliRoles) config.roles = config.roles.filter((role) => cliRoles.includes(role));
  config.allowWords = [...new Set(allowWords)];
  config.sources = layers.map((layer) => layer.file);
  return config;
}

function mergeRules(target: Record<string, RuleSetting>, entries: Record<string, RuleEntry>): void {
  for (const [id, entry] of Object.entries(entries)) {
    if (typeof entry === 'string') {
      target[id] = withOptions(entry, target[id]?.options);
    } else {
      target[id] = withOptions(entry[0], entry.length > 1 ? entry[1] : target[id]?.options);
    }
  }
}

function withOptions(severity: RuleSetting['severity'], options: unknown): RuleSetting {
  return options === undefined ? { severity } : { severity, options };
}
