/** The FileSystemHost the CLI uses: node's fs, reporting missing files as undefined. */
import { readdir, readFile } from 'node:fs/promises';
import type { FileSystemHost } from '../core/types';

export function nodeFileSystem(): FileSystemHost {
  return {
    async readFile(path) {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
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
  };
}

/** ENOTDIR too: a path through a file (`a.md/x`) names nothing, which is what untitled documents pass. */
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
