/**
 * `.gitignore` files inside a workspace folder, so "Lint workspace" skips the files the CLI skips
 * when it lints that folder. Read through `vscode.workspace.fs` like everything else; files above
 * the workspace folder are not consulted (the folder is usually the repository root).
 */
import ignore, { type Ignore } from 'ignore';
import * as vscode from 'vscode';

interface Scope {
  /** Folder of the .gitignore, as a URI path ending in '/'. */
  dir: string;
  rules: Ignore;
}

/** A predicate telling whether a file is ignored by a .gitignore in the workspace. */
export async function gitignoreFilter(exclude: string, token: vscode.CancellationToken): Promise<(uri: vscode.Uri) => boolean> {
  const decoder = new TextDecoder();
  const scopes: Scope[] = [];
  for (const file of await vscode.workspace.findFiles('**/.gitignore', exclude, undefined, token)) {
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(file));
      scopes.push({ dir: file.path.slice(0, file.path.lastIndexOf('/') + 1), rules: ignore().add(text) });
    } catch {
      // Unreadable: as if absent.
    }
  }
  return (uri) => scopes.some(({ dir, rules }) => uri.path.startsWith(dir) && rules.ignores(uri.path.slice(dir.length)));
}
