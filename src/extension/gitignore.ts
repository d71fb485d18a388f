/**
 * `.gitignore` files inside a workspace folder, so "Lint workspace" skips the files the CLI skips
 * when it lints that folder. Read through the config files' host (fs-host.ts): regular files only,
 * size-capped, so a FIFO named `.gitignore` cannot hang the command. Files above the workspace
 * folder are not consulted (the folder is usually the repository root).
 */
import ignore, { type Ignore } from 'ignore';
import * as vscode from 'vscode';
import { pathMappingFor, workspaceFsHost } from './fs-host';

/** Far above any real .gitignore; a larger one is skipped (as if absent), never read. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

interface Scope {
  /** Folder of the .gitignore, as a URI path ending in '/'. */
  dir: string;
  rules: Ignore;
}

/** A predicate telling whether a file is ignored by a .gitignore in the workspace. */
export async function gitignoreFilter(
  exclude: string,
  token: vscode.CancellationToken,
): Promise<(uri: vscode.Uri) => boolean> {
  const scopes: Scope[] = [];
  for (const file of await vscode.workspace.findFiles('**/.gitignore', exclude, undefined, token)) {
    const mapping = pathMappingFor(file);
    try {
      const text = await workspaceFsHost(mapping).readFile(mapping.toPath(file), MAX_GITIGNORE_BYTES);
      if (text !== undefined)
        scopes.push({ dir: file.path.slice(0, file.path.lastIndexOf('/') + 1), rules: ignore().add(text) });
    } catch {
      // Not a regular file, too large or unreadable: as if absent.
    }
  }
  return (uri) =>
    scopes.some(({ dir, rules }) => uri.path.startsWith(dir) && rules.ignores(uri.path.slice(dir.length)));
}
