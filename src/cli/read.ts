/** Reading a document safely: too large, binary or not UTF-8 becomes a clear per-file problem, never a crash. */
import { promises as fsp } from 'node:fs';

export interface ReadDocument {
  /** Text without a BOM. */
  text: string;
  /** The file had a UTF-8 BOM (written back by --fix). */
  bom: boolean;
  /** Raw bytes as read, to detect a change on disk before writing a fix. */
  raw: Buffer;
}

export class FileReadError extends Error {}

// ignoreBOM keeps the BOM in the text, so it can be detected here and written back by --fix.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeDocument(raw: Buffer, label: string): ReadDocument {
  // A NUL byte in the first 8 KB is how git and grep tell binary files apart.
  if (raw.subarray(0, 8192).includes(0)) throw new FileReadError(`${label}: binary file, not linted`);
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    throw new FileReadError(`${label}: not valid UTF-8, not linted (save it as UTF-8)`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, raw };
}

export async function readDocument(filePath: string, maxSize: number): Promise<ReadDocument> {
  let raw: Buffer;
  try {
    const stat = await fsp.stat(filePath);
    if (stat.isDirectory()) throw new FileReadError(`${filePath}: is a directory`);
    if (stat.size > maxSize) {
      throw new FileReadError(`${filePath}: ${stat.size} bytes is over the size limit of ${maxSize} bytes, not linted (raise it with --max-file-size)`);
    }
    raw = await fsp.readFile(filePath);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    throw new FileReadError(`${filePath}: cannot read: ${why}`);
  }
  return decodeDocument(raw, filePath);
}
