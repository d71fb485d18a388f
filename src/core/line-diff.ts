/**
 * The edits that turn one text into another, line by line, for "fix all" in the editor: one edit per
 * changed run of lines instead of one replacement spanning the first to the last fix, which in a big
 * backlog covers the cursor and throws it to the end of the last fix. Lines outside the edits, and with
 * them the cursor, folds and markers, stay where they are. Not a minimal diff: after a difference it
 * resynchronises on the nearest equal line within a window, which fits what fixes do (insert a few
 * lines, change a few), and stays linear in the text's size.
 */
import type { TextEdit } from './types';

/** Lines looked ahead on each side for an equal line after a difference. */
const WINDOW = 64;

/** Lines with their line break, so the pieces join back into the text exactly. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/**
 * Edits on `oldText` (UTF-16 offsets, in document order, not overlapping) whose application gives
 * `newText`. Blank lines are never a resync point on their own: every block is separated by one, and
 * matching on them would split an inserted block into pieces around the old blank lines.
 */
export function lineEdits(oldText: string, newText: string): TextEdit[] {
  if (oldText === newText) return [];
  const a = linesOf(oldText);
  const b = linesOf(newText);
  const starts: number[] = [0];
  for (const line of a) starts.push((starts[starts.length - 1] as number) + line.length);
  const edits: TextEdit[] = [];
  const replace = (i: number, di: number, j: number, dj: number) => {
    if (di === 0 && dj === 0) return;
    edits.push({ range: [starts[i] as number, starts[i + di] as number], text: b.slice(j, j + dj).join('') });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const sync = resync(a, i, b, j);
    if (!sync) break;
    replace(i, sync[0], j, sync[1]);
    i += sync[0];
    j += sync[1];
  }
  replace(i, a.length - i, j, b.length - j);
  return edits;
}

/** The fewest lines to skip on each side, (old, new), to reach an equal non-blank line. */
function resync(a: readonly string[], i: number, b: readonly string[], j: number): [number, number] | undefined {
  for (let d = 1; d <= 2 * WINDOW; d++) {
    for (let di = Math.max(0, d - WINDOW); di <= Math.min(d, WINDOW); di++) {
      const dj = d - di;
      const line = a[i + di];
      if (line !== undefined && line === b[j + dj] && line.trim() !== '') return [di, dj];
    }
  }
  return undefined;
}
