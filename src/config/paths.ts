/**
 * Path helpers for the config layer. Paths are handled in POSIX form ('/' separators) everywhere so the
 * same code works for node paths on any platform, for `vscode.Uri.path`, and for virtual (untitled) paths.
 */
import * as path from 'node:path';

/** Turns a native or POSIX path into an absolute POSIX path without `.`/`..` segments or a trailing slash. */
export function toAbsolutePosix(p: string): string {
  let posix = p.replace(/\\/g, '/');
  // Relative paths are resolved against the process's folder, as node's fs would.
  if (!isAbsolutePosix(posix)) posix = path.resolve(p).replace(/\\/g, '/');
  // One spelling per drive: VS Code writes 'c:/', node writes 'C:\', and caches and `stopAt` compare strings.
  const normalized = path.posix.normalize(posix).replace(/^[a-z]:/, (drive) => drive.toUpperCase());
  return isRoot(normalized) ? normalized : normalized.replace(/\/+$/, '');
}

function isAbsolutePosix(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

function isRoot(p: string): boolean {
  return p === '/' || /^[A-Za-z]:\/$/.test(p);
}

/** The folder holding `p`, or undefined at a filesystem root (`/` or `C:/`). */
export function parentDir(p: string): string | undefined {
  if (isRoot(p)) return undefined;
  const parent = path.posix.dirname(p);
  // posix.dirname('C:/docs') is 'C:', which is not a folder path; the drive root is 'C:/'.
  if (/^[A-Za-z]:$/.test(parent)) return `${parent}/`;
  return parent === p || parent === '.' ? undefined : parent;
}

export function joinPosix(dir: string, ...parts: string[]): string {
  return path.posix.join(dir, ...parts.map((part) => part.replace(/\\/g, '/')));
}

/** `file` relative to `dir` ('a/b.md'), or undefined when `file` is not inside `dir`. */
export function relativeInside(dir: string, file: string): string | undefined {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}
