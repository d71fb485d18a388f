/**
 * The rules a lint runs, assembled at the edges (CLI, extension, its worker, tests, scripts): the built-in
 * rules plus those of the packs the file's config loaded. The core takes the set as a parameter and
 * never imports rules/ itself.
 */
import { allRules, findRule } from '../rules';
import type { Rule } from './core/rule';
import type { EffectiveConfig } from './core/types';

export const builtinRules: readonly Rule<any>[] = allRules;
export { findRule };

/** The rules for a file under `config`. */
export function rulesFor(_config: EffectiveConfig): readonly Rule<any>[] {
  return builtinRules;
}
