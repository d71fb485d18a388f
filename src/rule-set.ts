/**
 * The rules a lint runs, assembled at the edges (CLI, extension, its worker, tests, scripts): the built-in
 * rules plus those of the packs the file's config loaded. The core takes the set as a parameter and
 * never imports rules/ itself.
 */
import { allRules, findRule } from '../rules';
import { compilePack } from '../rules/declarative/compile';
import type { Rule } from './core/rule';
import type { EffectiveConfig } from './core/types';

export const builtinRules: readonly Rule<any>[] = allRules;
export { findRule };

/** Rule sets by the packs they add; a workspace has a handful of distinct sets. */
const sets = new Map<string, readonly Rule<any>[]>();
const MAX_SETS = 64;

/** The rules for a file under `config`: compiled once per set of packs (by their fingerprints, so clones across threads hit too). */
export function rulesFor(config: EffectiveConfig): readonly Rule<any>[] {
  const packs = config.packs;
  if (!packs || packs.length === 0) return builtinRules;
  const key = packs.map((p) => p.key).join('\n');
  let set = sets.get(key);
  if (!set) {
    const builtinIds = new Set(builtinRules.map((r) => r.meta.id));
    set = [...builtinRules, ...packs.flatMap((p) => compilePack(p)).filter((r) => !builtinIds.has(r.meta.id))];
    if (sets.size >= MAX_SETS) sets.delete(sets.keys().next().value as string);
    sets.set(key, set);
  }
  return set;
}
