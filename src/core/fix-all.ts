/** Fix everything fixable, pass after pass (overlapping fixes wait for the next pass), as ESLint's --fix does. */
import { TooComplexError } from './limits';
import { applyFixes } from './fixes';
import { lintDocument, type DocumentLint, type LintOptions } from './engine';
import type { Finding, Fix, LintResult, TextEdit } from './types';

/** Enough for every fix of one document; guards against two rules undoing each other forever. */
const MAX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** Fixes applied, over all passes. */
  applied: Fix[];
  /**
   * The lint of the final text: what remains, with what checks across files need. A caller reports it as
   * it is: linting the fixed text again would only repeat the last pass's lint.
   */
  lint: DocumentLint;
  /** Each pass: the text it started from and the fixes applied to it (for callers that check the edits). */
  passes: { text: string; applied: Fix[] }[];
  /**
   * Findings whose fix was tried and withheld because the re-lint still reported them at the same place:
   * applying such a fix again would only stack copies of its template into the document.
   */
  withheld: Finding[];
}

/** Where `offset` lands after `edits`; `sticky` says which side of an insertion at exactly `offset` it takes. */
function mapOffset(offset: number, edits: readonly TextEdit[], sticky: 'before' | 'after'): number {
  let delta = 0;
  for (const e of edits) {
    const before = e.range[1] < offset || (e.range[1] === offset && (sticky === 'after' || e.range[0] < offset));
    if (before) delta += e.text.length - (e.range[1] - e.range[0]);
  }
  return offset + delta;
}

/** The findings whose fix was applied and that the re-lint still reports, fixable, at the mapped place. */
function ineffective(
  fixed: readonly Finding[],
  applied: readonly Fix[],
  edits: readonly TextEdit[],
  after: LintResult,
): Finding[] {
  const remaining = new Set(after.findings.filter((f) => f.fix).map((f) => `${f.ruleId}@${f.range[0]}`));
  return fixed.filter(
    (f) =>
      f.fix !== undefined &&
      applied.includes(f.fix) &&
      (remaining.has(`${f.ruleId}@${mapOffset(f.range[0], edits, 'before')}`) ||
        remaining.has(`${f.ruleId}@${mapOffset(f.range[0], edits, 'after')}`)),
  );
}

export function fixAll(text: string, options: LintOptions): FixAllResult {
  const applied: Fix[] = [];
  const passes: FixAllResult['passes'] = [];
  const withheld: Finding[] = [];
  // Withheld findings as `rule@offset` in the current text, remapped after each pass.
  let blocked: { ruleId: string; offset: number }[] = [];
  let current = text;
  let lint = lintDocument(current, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const candidates = lint.result.findings.filter(
      (f) => f.fix && !blocked.some((b) => b.ruleId === f.ruleId && b.offset === f.range[0]),
    );
    if (candidates.length === 0) break;
    const out = applyFixes(
      current,
      candidates.map((f) => f.fix as Fix),
    );
    if (out.applied.length === 0 || out.text === current) break;
    const edits = out.applied.flatMap((f) => f.edits);
    let next: DocumentLint;
    try {
      next = lintDocument(out.text, options);
    } catch (err) {
      if (!(err instanceof TooComplexError)) throw err;
      // Together these fixes would nest the text past the structural limits: none of them is applied.
      withheld.push(...candidates);
      break;
    }
    const failed = ineffective(candidates, out.applied, edits, next.result);
    if (failed.length > 0) {
      // Retry the pass without them: the other fixes of this pass may still be good.
      withheld.push(...failed);
      blocked.push(...failed.map((f) => ({ ruleId: f.ruleId, offset: f.range[0] })));
      continue;
    }
    passes.push({ text: current, applied: out.applied });
    applied.push(...out.applied);
    blocked = blocked.map((b) => ({ ...b, offset: mapOffset(b.offset, edits, 'before') }));
    current = out.text;
    lint = next;
  }
  return { text: current, applied, lint, passes, withheld };
}
