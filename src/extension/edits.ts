/** Core fixes (UTF-16 offset edits) → VS Code edits, and applying them only to the text they were made for. */
import * as vscode from 'vscode';
import { lineEdits } from '../core/line-diff';
import type { Fix } from '../core/types';
import { snippetsOf } from './snippet-text';

/** The fix's edits as they are: for fixes whose text has nothing to fill in (a disable comment). */
export function fixToWorkspaceEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.text);
  }
  return edit;
}

/**
 * A template fix as snippet edits: applied in the active editor, VS Code selects the first
 * `<placeholder>`, scrolls it into view, and Tab walks the others. Where the document is not in the
 * active editor (or a client applies snippet edits as text), the same text lands without tab stops,
 * so the result is the same text either way. A fix without placeholders stays a plain edit.
 */
export function fixToSnippetEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const ordered = [...fix.edits].sort((x, y) => x.range[0] - y.range[0]);
  const snippets = snippetsOf(ordered.map((e) => e.text));
  if (!snippets) return fixToWorkspaceEdit(doc, fix);
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    doc.uri,
    ordered.map(
      (e, i) =>
        new vscode.SnippetTextEdit(
          new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])),
          new vscode.SnippetString(snippets[i]),
        ),
    ),
  );
  return edit;
}

/**
 * `newText` as edits of the changed lines only (line-diff.ts), so the cursor, folds and scroll
 * position stay on the text they were on, however far apart the fixes are.
 */
export function changedLinesEdit(
  doc: vscode.TextDocument,
  oldText: string,
  newText: string,
): vscode.WorkspaceEdit | undefined {
  const edits = lineEdits(oldText, newText);
  if (edits.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.text);
  }
  return edit;
}

/**
 * Applies `edit` only when the document is still at `version`, the text its offsets were computed
 * on: offsets from an older version would land in the wrong place. applyEdit stamps the current
 * version, and VS Code refuses the edit if the document changes before it lands.
 */
export async function applyIfCurrent(
  doc: vscode.TextDocument,
  version: number,
  edit: vscode.WorkspaceEdit,
): Promise<boolean> {
  if (doc.isClosed || doc.version !== version) return false;
  const tops = vscode.window.visibleTextEditors
    .filter((e) => e.document === doc)
    .map((editor) => ({ editor, line: editor.visibleRanges[0]?.start.line ?? 0 }));
  const applied = await vscode.workspace.applyEdit(edit);
  // VS Code keeps the scroll offset in pixels: lines inserted above would push the text the user was
  // reading (and the cursor, which stays on its text) out of view. Scroll by the lines added above.
  if (applied) {
    for (const { editor, line } of tops) {
      const moved = shiftedLine(edit.get(doc.uri), line);
      if (moved !== line) editor.revealRange(new vscode.Range(moved, 0, moved, 0), vscode.TextEditorRevealType.AtTop);
    }
  }
  return applied;
}

/** Where line `line` of the old text is after `edits` (ranges on the old text): moved by the lines added or removed above it. */
function shiftedLine(edits: readonly vscode.TextEdit[], line: number): number {
  let delta = 0;
  for (const e of edits) {
    // Above it: ending before the line, or at its very start (lines inserted right before it).
    if (e.range.end.line > line || (e.range.end.line === line && e.range.end.character > 0)) continue;
    delta += (e.newText.match(/\r\n|\r|\n/g)?.length ?? 0) - (e.range.end.line - e.range.start.line);
  }
  return Math.max(0, line + delta);
}

/** Work the user waits for (fix all in a big file): a progress notification once it takes longer than a blink. */
export async function withSlowProgress<T>(title: string, work: () => Promise<T>, showAfterMs = 400): Promise<T> {
  const running = work();
  let shown: Thenable<unknown> | undefined;
  const timer = setTimeout(() => {
    shown = vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
      running.catch(() => undefined),
    );
  }, showAfterMs);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
    await shown;
  }
}
