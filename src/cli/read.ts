/** Reading a document safely: too large, binary or not UTF-8 becomes a clear per-file problem, never a crash. */
import { promises as fsp } from 'node:fs';
import { MAX_TEXT_LENGTH } from '../core/limits';

/**
 * No file larger than this is read, whatever --max-file-size says: its text could not be parsed within
 * the heap (limits.ts explains the figure). UTF-8 takes at least one byte per character, so a file under
 * it also holds text under the parser's hard limit.
 */
export const HARD_MAX_FILE_SIZE = MAX_TEXT_LENGTH;

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

function sizeProblem(label: string, size: number, maxSize: number): FileReadError | undefined {
  if (size > HARD_MAX_FILE_SIZE && maxSize > HARD_MAX_FILE_SIZE) {
    return new FileReadError(
      `${label}: ${size} bytes is over the hard size limit of ${HARD_MAX_FILE_SIZE} bytes (the most a parse fits in memory), not linted`,
    );
  }
  if (size > maxSize)
    return new FileReadError(
      `${label}: ${size} bytes is over the size limit of ${maxSize} bytes, not linted (raise it with --max-file-size)`,
    );
  return undefined;
}

/** Byte order marks of encodings other than UTF-8 (UTF-32 LE starts like UTF-16 LE). */
function utf16Bom(raw: Buffer): boolean {
  return raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff));
}

export function decodeDocument(raw: Buffer, label: string, maxSize = HARD_MAX_FILE_SIZE): ReadDocument {
  const tooLarge = sizeProblem(label, raw.length, maxSize);
  if (tooLarge) throw tooLarge;
  // Decoding UTF-16 would lint it, but --fix would then have to write UTF-16 back byte for byte: refused, and said so.
  if (utf16Bom(raw)) throw new FileReadError(`${label}: UTF-16 is not supported, not linted (save it as UTF-8)`);
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
    const tooLarge = sizeProblem(filePath, stat.size, maxSize);
    if (tooLarge) throw tooLarge;
    raw = await fsp.readFile(filePath);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (err as Error).message;
    throw new FileReadError(`${filePath}: cannot read: ${why}`);
  }
  return decodeDocument(raw, filePath, maxSize);
}
