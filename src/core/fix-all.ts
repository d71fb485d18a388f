/** Fix everything fixable, pass after pass (overlapping fixes wait for the next pass), as ESLint's --fix does. */
import { applyFixes } from './fixes';
import { lintText, type LintOptions } from './engine';
import type { Fix, LintResult } from './types';

/** Enough for every fix of one document; guards against two rules undoing each other forever. */
const MAX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** Fixes applied, over all passes. */
  applied: Fix[];
  /** The lint of the final text: what remains. */
  result: LintResult;
}

export function fixAll(text: string, options: LintOptions): FixAllResult {
  const applied: Fix[] = [];
  let current = text;
  let result = lintText(current, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    const out = applyFixes(current, fixes);
    if (out.applied.length === 0 || out.text === current) break;
    applied.push(...out.applied);
    current = out.text;
    result = lintText(current, options);
  }
  return { text: current, applied, result };
}
