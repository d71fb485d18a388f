/** Path forms the formatters print: relative with forward slashes, and URIs for SARIF. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Absolute form of `filePath`; relative paths are taken from `cwd`. */
export function absolutePath(cwd: string, filePath: string): string {
  return path.resolve(cwd, filePath);
}

/**
 * `filePath` relative to `cwd` with forward slashes, so output reads the same on every OS.
 * Only the platform separator is rewritten: on POSIX a backslash is a legal file-name character.
 */
export function relativePath(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, absolutePath(cwd, filePath));
  return relative.split(path.sep).join('/');
}

/** True when `relative` (from `relativePath`) leaves `cwd`, or could not be made relative (another drive). */
export function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith('../') || path.isAbsolute(relative);
}

/**
 * A relative URI reference for a path under `cwd`. Each segment is percent-encoded whole, so
 * `%`, spaces, `#`, `?` and a `:` that would otherwise read as a scheme survive as path data.
 */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** `file:` URI of an absolute path. */
export function fileUri(absolute: string): string {
  return pathToFileURL(absolute).href;
}

/** `file:` URI of a folder, with the trailing slash URI resolution needs to treat it as a base. */
export function folderUri(absolute: string): string {
  const href = fileUri(absolute);
  return href.endsWith('/') ? href : `${href}/`;
}
