/**
 * Atomic writes for --fix and --output: write a temp file beside the target, fsync, rename over it,
 * keeping the file's mode. A file that changed on disk since it was read is left alone.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export class StaleFileError extends Error {}

export async function writeAtomic(filePath: string, content: string | Buffer, expectedRaw?: Buffer): Promise<void> {
  let mode: number | undefined;
  try {
    const stat = await fsp.stat(filePath);
    mode = stat.mode & 0o7777;
    if (expectedRaw) {
      const current = await fsp.readFile(filePath);
      if (!current.equals(expectedRaw)) throw new StaleFileError(`${filePath}: changed on disk while being fixed; not overwritten (run again)`);
    }
  } catch (err) {
    if (err instanceof StaleFileError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fsp.open(temp, 'w', mode ?? 0o666);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (mode !== undefined) await fsp.chmod(temp, mode);
    await fsp.rename(temp, filePath);
  } catch (err) {
    await fsp.rm(temp, { force: true });
    throw err;
  }
}
