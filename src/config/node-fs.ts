/**
 * The FileSystemHost the CLI uses (and the editor, for `file:` workspaces): node's fs, reporting missing
 * files as undefined. Only regular files are read: the file is opened with O_NONBLOCK (so a FIFO cannot
 * block the open) and checked with fstat on the open descriptor (so it cannot be swapped after the check),
 * and no more than `maxBytes` is ever read, even from a file that grows while it is read.
 */
import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, readdir, realpath } from 'node:fs/promises';
import type { FileSystemHost } from '../core/types';
import { formatBytes, UnreadableFileError } from './errors';

// Windows has no O_NONBLOCK (nor FIFOs that could block an open).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

export function nodeFileSystem(): FileSystemHost {
  return {
    async readFile(path, maxBytes) {
      let handle: FileHandle;
      try {
        handle = await open(path, OPEN_FLAGS);
      } catch (error) {
        if (isMissing(error)) return undefined;
        if (codeOf(error) === 'ELOOP') throw new UnreadableFileError(path, 'a symlink loop');
        throw error;
      }
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) throw new UnreadableFileError(path, `${describeFileType(stats)}, not a regular file`);
        const cap = maxBytes ?? Infinity;
        if (stats.size > cap) throw tooLarge(path, stats.size, cap);
        return (await readCapped(handle, cap, path)).toString('utf8');
      } finally {
        await handle.close();
      }
    },
    async readDirectory(path) {
      try {
        return await readdir(path);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async realPath(path) {
      try {
        return await realpath(path);
      } catch (error) {
        if (isMissing(error)) return undefined;
        if (codeOf(error) === 'ELOOP') throw new UnreadableFileError(path, 'a symlink loop');
        throw error;
      }
    },
  };
}

/** Reads to the end, failing as soon as more than `cap` bytes came: fstat's size can lie (a growing file). */
async function readCapped(handle: FileHandle, cap: number, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > cap) throw tooLarge(path, total, cap, true);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function tooLarge(path: string, size: number, cap: number, atLeast = false): UnreadableFileError {
  return new UnreadableFileError(
    path,
    `larger than ${formatBytes(cap)} (${atLeast ? 'at least ' : ''}${formatBytes(size)})`,
  );
}

/** What a path that is not a regular file is, in plain words. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'something else';
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** ENOTDIR too: a path through a file (`a.md/x`) names nothing, which is what untitled documents pass. */
function isMissing(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
