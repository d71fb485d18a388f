/**
 * Which lines of each document the user is editing, for focus mode (`backlogLint.focusMode`). A block
 * is the lines the edits since the cursor came there have written: a typed word, or a template a quick
 * fix inserted and the user is tabbing through. While the cursor stays in the block, findings on it are
 * held back; once the cursor leaves, the block is forgotten and its findings show. Moving the cursor
 * alone, without typing, holds nothing back, so clicking a finding to read it never hides it.
 * Plain data, no vscode: lines here are 0-based, as in the editor's API.
 */
import type { LineRange } from '../core/focus';

/** One edit, in the document after it: the line it starts on and the lines its new text spans. */
export interface EditedLines {
  startLine: number;
  /** Lines of the inserted text minus one (0 for an edit within one line). */
  newLines: number;
  /** Lines the replaced text spanned minus one. */
  oldLines: number;
}

interface Block {
  from: number;
  to: number;
}

export class FocusTracker {
  private readonly blocks = new Map<string, Block>();
  private readonly cursors = new Map<string, number>();

  /** Records edits (one change event): the block grows to cover them when the cursor is in it, else restarts. */
  edited(key: string, edits: readonly EditedLines[]): void {
    let block = this.blocks.get(key);
    for (const e of edits) {
      const shift = e.newLines - e.oldLines;
      // Lines below the edit move with it.
      if (block && block.from > e.startLine + e.oldLines) block = { from: block.from + shift, to: block.to + shift };
      else if (block && block.to >= e.startLine)
        block = { from: block.from, to: Math.max(block.from, block.to + shift) };
      const written = { from: e.startLine, to: e.startLine + e.newLines };
      // An edit on the block or the line next to it (Enter at its end) extends it.
      block =
        block && written.to >= block.from - 1 && written.from <= block.to + 1
          ? { from: Math.min(block.from, written.from), to: Math.max(block.to, written.to) }
          : written;
    }
    if (block) this.blocks.set(key, block);
  }

  /**
   * The cursor's line moved; true when that changes what is held back (the block was left). `around`: lines
   * either side of the block that count as in it (the setting's number; 0 for `true`).
   */
  moved(key: string, line: number, around: number): boolean {
    this.cursors.set(key, line);
    const block = this.blocks.get(key);
    if (!block || holds(block, line, around)) return false;
    this.blocks.delete(key);
    return true;
  }

  /** The lines held back now, 1-based as findings count them; none when the cursor is outside the block. */
  focus(key: string, around: number): LineRange[] {
    const block = this.blocks.get(key);
    const cursor = this.cursors.get(key);
    if (!block || (cursor !== undefined && !holds(block, cursor, around))) return [];
    return [{ fromLine: Math.max(1, block.from - around + 1), toLine: block.to + around + 1 }];
  }

  forget(key: string): void {
    this.blocks.delete(key);
    this.cursors.delete(key);
  }
}

/** Whether the cursor on `line` is still editing the block. */
function holds(block: Block, line: number, around: number): boolean {
  return line >= block.from - around && line <= block.to + around;
}
