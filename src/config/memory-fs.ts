/** An in-memory FileSystemHost, for tests and for hosts that hold documents in memory. */
import type { FileSystemHost } from '../core/types';
import { toAbsolutePosix } from './paths';

/** `files` maps absolute paths (POSIX or native) to contents; folders exist when they hold a file. */
export function memoryFileSystem(files: Record<string, string>): FileSystemHost {
  const contents = new Map(Object.entries(files).map(([path, text]) => [toAbsolutePosix(path), text]));
  return {
    async readFile(path) {
      return contents.get(toAbsolutePosix(path));
    },
    async readDirectory(path) {
      const dir = toAbsolutePosix(path);
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const file of contents.keys()) {
        if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!);
      }
      return names.size > 0 ? [...names].sort() : undefined;
    },
  };
}
