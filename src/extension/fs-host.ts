/**
 * The core reads config files through an injected FileSystemHost. `file:` workspaces use the CLI's node
 * host: it opens files without blocking and checks the open descriptor, so a FIFO or a link to /dev/zero
 * named like a config or a template is refused, never read. Other schemes (remote, virtual) go through
 * `vscode.workspace.fs`, checking the type and size from `stat` before reading.
 * The core speaks string paths: `file:` URIs map to OS paths (the ones the CLI sees), any other
 * scheme to the URI's POSIX path on the same scheme and authority.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nodeFileSystem } from '../config';
import { formatBytes, UnreadableFileError } from '../config/errors';
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
  if (mapping.key === 'file:') return nodeFileSystem();
  const decoder = new TextDecoder();
  const statOf = async (p: string) => {
    try {
      return await vscode.workspace.fs.stat(mapping.toUri(p));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  };
  return {
    async readFile(p, maxBytes) {
      const stat = await statOf(p);
      if (!stat) return undefined;
      if (!(stat.type & vscode.FileType.File)) {
        throw new UnreadableFileError(
          p,
          stat.type & vscode.FileType.Directory ? 'a folder, not a regular file' : 'not a regular file',
        );
      }
      if (maxBytes !== undefined && stat.size > maxBytes) {
        throw new UnreadableFileError(p, `larger than ${formatBytes(maxBytes)} (${formatBytes(stat.size)})`);
      }
      try {
        const bytes = await vscode.workspace.fs.readFile(mapping.toUri(p));
        if (maxBytes !== undefined && bytes.byteLength > maxBytes) {
          throw new UnreadableFileError(p, `larger than ${formatBytes(maxBytes)} (${formatBytes(bytes.byteLength)})`);
        }
        return decoder.decode(bytes);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async readDirectory(p) {
      try {
        return (await vscode.workspace.fs.readDirectory(mapping.toUri(p))).map(([name]) => name);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    // workspace.fs cannot resolve links: a path through one (at any level) is refused rather than trusted.
    async realPath(p) {
      if (!(await statOf(p))) return undefined;
      for (let at = p; ; at = path.posix.dirname(at)) {
        // A provider may refuse to stat its root or an ancestor outside the workspace: that is no link.
        const stat = await statOf(at).catch(() => undefined);
        if (stat && stat.type & vscode.FileType.SymbolicLink) {
          throw new UnreadableFileError(
            p,
            `reached through the symbolic link ${at}, which cannot be checked on this file system`,
          );
        }
        if (path.posix.dirname(at) === at) return p;
      }
    },
  };
}
