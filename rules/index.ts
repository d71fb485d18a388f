/** The built-in rule packs. Each pack's index lists its rules; this file only joins them. */
import type { Rule } from '../src/core/rule-api';
import { commonRules } from './common';
import { pmRules } from './pm';
import { poRules } from './po';

export const allRules: readonly Rule<any>[] = [...poRules, ...pmRules, ...commonRules];

const byId = new Map(allRules.map((r) => [r.meta.id, r]));

export function findRule(id: string): Rule<any> | undefined {
  return byId.get(id);
}
