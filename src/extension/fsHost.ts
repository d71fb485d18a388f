/**
 * The core reads config files through an injected FileSystemHost; this one goes through
 * `vscode.workspace.fs`, so discovery works the same in local, remote and virtual workspaces.
 * The core speaks string paths: `file:` URIs map to OS paths (the ones the CLI sees), any other
 * scheme to the URI's POSIX path on the same scheme and authority.
 */
import * as vscode from 'vscode';
import type { FileSystemHost } from '../core/types';

export interface PathMapping {
  /** Identifies the file system: one config loader per mapping. */
  readonly key: string;
  toPath(uri: vscode.Uri): string;
  toUri(path: string): vscode.Uri;
}

export function pathMappingFor(uri: vscode.Uri): PathMapping {
  if (uri.scheme === 'file') {
    return { key: 'file:', toPath: (u) => u.fsPath, toUri: (p) => vscode.Uri.file(p) };
  }
  const base = uri.with({ path: '/', query: '', fragment: '' });
  return {
    key: `${uri.scheme}://${uri.authority}`,
    toPath: (u) => u.path,
    toUri: (p) => base.with({ path: p }),
  };
}

function isNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}

export function workspaceFsHost(mapping: PathMapping): FileSystemHost {
  const decoder = new TextDecoder();
  return {
    async readFile(path) {
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(mapping.toUri(path)));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async readDirectory(path) {
      try {
        return (await vscode.workspace.fs.readDirectory(mapping.toUri(path))).map(([name]) => name);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
  };
}
