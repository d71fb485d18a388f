/** The pm pack. */
import type { Rule } from '../../src/core/rule';

export const pmRules: readonly Rule<any>[] = [];
