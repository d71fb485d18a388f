/** `--inspect`: how each file is read, as a JSON array, with the same file discovery, config and decoding as linting. */
import * as path from 'node:path';
import type { ConfigLoader } from '../config';
import { inspectText, type InspectReport } from '../core/inspect';
import type { CliOptions } from './args';
import { decodeDocument, readDocument } from './read';

export interface InspectProblem {
  filePath: string;
  problem: string;
}

export interface InspectIo {
  cwd: string;
  readStdin: () => Promise<Buffer>;
}

/** One entry per file (ignored files are left out); a file that cannot be read gets a `problem` entry. */
export async function inspectFiles(
  files: readonly string[],
  opts: CliOptions,
  loader: ConfigLoader,
  io: InspectIo,
): Promise<(InspectReport | InspectProblem)[]> {
  const out: (InspectReport | InspectProblem)[] = [];
  if (opts.stdin) {
    const name = opts.stdinFilename ? path.resolve(io.cwd, opts.stdinFilename) : path.join(io.cwd, '<stdin>');
    try {
      const config = await loader.forFile(name);
      const doc = decodeDocument(await io.readStdin(), opts.stdinFilename ?? '<stdin>');
      out.push(inspectText(doc.text, { filePath: name, config }));
    } catch (err) {
      out.push({ filePath: name, problem: (err as Error).message });
    }
    return out;
  }
  for (const file of files) {
    try {
      const config = await loader.forFile(file);
      if (config.ignored) continue;
      const doc = await readDocument(file, opts.maxFileSize);
      out.push(inspectText(doc.text, { filePath: file, config }));
    } catch (err) {
      out.push({ filePath: file, problem: (err as Error).message });
    }
  }
  return out;
}
