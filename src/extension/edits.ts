/** Core fixes (UTF-16 offset edits) → VS Code edits, and applying them only to the text they were made for. */
import * as vscode from 'vscode';
import { lineEdits } from '../core/line-diff';
import type { Fix } from '../core/types';
import { snippetsOf } from './snippetText';

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
  edit.set(doc.uri, ordered.map((e, i) => new vscode.SnippetTextEdit(
    new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), new vscode.SnippetString(snippets[i]))));
  return edit;
}

/**
 * `newText` as edits of the changed lines only (line-diff.ts), so the cursor, folds and scroll
 * position stay on the text they were on, however far apart the fixes are.
 */
export function changedLinesEdit(doc: vscode.TextDocument, oldText: string, newText: string): vscode.WorkspaceEdit | undefined {
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
export async function applyIfCurrent(doc: vscode.TextDocument, version: number, edit: vscode.WorkspaceEdit):
  Promise<boolean> {
  if (doc.isClosed || doc.version !== version) return false;
  return vscode.workspace.applyEdit(edit);
}

/** Work the user waits for (fix all in a big file): a progress notification once it takes longer than a blink. */
export async function withSlowProgress<T>(title: string, work: () => Promise<T>, showAfterMs = 400): Promise<T> {
  const running = work();
  let shown: Thenable<unknown> | undefined;
  const timer = setTimeout(() => {
    shown = vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => running.catch(() => undefined));
  }, showAfterMs);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
    await shown;
  }
}
