/**
 * Atomic writes for --fix and --output: write a temp file beside the target, fsync, rename over it,
 * keeping the file's mode. A file that changed on disk since it was read is left alone.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export class StaleFileError extends Error {}

export async function writeAtomic(filePath: string, content: string | Buffer, expectedRaw?: Buffer): Promise<void> {
  // A symlinked document is fixed where it lives: renaming over the link would replace it with a copy.
  const target = await fsp.realpath(filePath).catch(() => filePath);
  let mode: number | undefined;
  try {
    const stat = await fsp.stat(target);
    mode = stat.mode & 0o7777;
    if (expectedRaw) {
      const current = await fsp.readFile(target);
      if (!current.equals(expectedRaw)) throw new StaleFileError(`${filePath}: changed on disk while being fixed; not overwritten (run again)`);
    }
  } catch (err) {
    if (err instanceof StaleFileError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // Deleted since it was read: writing the fix would bring it back.
    if (expectedRaw) throw new StaleFileError(`${filePath}: deleted while being fixed; not written`);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await fsp.open(temp, 'w', mode ?? 0o666);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await fsp.chmod(temp, mode);
    await fsp.rename(temp, target);
  } catch (err) {
    // A full disk or a failed rename must not leave the temp file behind.
    await fsp.rm(temp, { force: true });
    throw err;
  }
}
