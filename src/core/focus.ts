/**
 * Focus mode (as vscode-markdownlint's `focusMode`): findings on the lines the user is editing are held
 * back, so a template being filled in is not flagged mid-word. The engine applies it for library callers
 * (`LintOptions.focus`); the editor applies it when it publishes, so moving the cursor needs no new lint.
 */
import type { Finding } from './types';

/** Lines, 1-based and inclusive. */
export interface LineRange {
  fromLine: number;
  toLine: number;
}

/** Whether the finding's lines meet any of the ranges. */
export function inFocus(f: Pick<Finding, 'line' | 'endLine'>, focus: readonly LineRange[]): boolean {
  return focus.some((r) => f.line <= r.toLine && f.endLine >= r.fromLine);
}

/** The findings that touch none of the ranges. */
export function outsideFocus<F extends Pick<Finding, 'line' | 'endLine'>>(
  findings: readonly F[],
  focus: readonly LineRange[],
): F[] {
  return focus.length === 0 ? [...findings] : findings.filter((f) => !inFocus(f, focus));
}
