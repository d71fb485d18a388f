/** Core fixes (UTF-16 offset edits) → VS Code edits, and applying them only to the text they were made for. */
import * as vscode from 'vscode';
import type { Fix } from '../core/types';

export function fixToWorkspaceEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.text);
  }
  return edit;
}

/** One replacement covering only what changed, so the cursor and folding outside it stay put. */
export function minimalEdit(doc: vscode.TextDocument, oldText: string, newText: string): vscode.WorkspaceEdit | undefined {
  if (oldText === newText) return undefined;
  let start = 0;
  const max = Math.min(oldText.length, newText.length);
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(start), doc.positionAt(oldEnd)), newText.slice(start, newEnd));
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
