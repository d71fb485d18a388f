/**
 * N tiny Markdown files (half one-line stories, half notes), a thousand to a folder: the corpus for
 * memory and time against the number of files, shared by `npm run bench -- --scale N` and the
 * many-files stress run so both measure the same thing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeTinyFiles(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `d${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    const text =
      i % 2 === 0
        ? `# Story ${i}\n\nAs a clerk ${i}, I want to export report ${i}, so that I can close month ${i}.\n`
        : `# Notes ${i}\n\nThe build ${i} runs on every push.\n`;
    fs.writeFileSync(path.join(sub, `f${i}.md`), text);
  }
}
