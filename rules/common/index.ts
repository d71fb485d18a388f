/** The common pack. */
import type { Rule } from '../../src/core/rule';

export const commonRules: readonly Rule<any>[] = [];
