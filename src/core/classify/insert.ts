/** Where a missing block goes: insertion points shared by stories (acceptance criteria) and roadmap items ("Why:"). */
import type { ParsedDocument } from '../document';
import type { InsertPoint } from '../model';

/** The indentation of the line holding `offset`, up to it, as spaces. */
export function lineIndent(doc: ParsedDocument, offset: number): string {
  const lineStart = Math.max(doc.text.lastIndexOf('\n', offset - 1), doc.text.lastIndexOf('\r', offset - 1)) + 1;
  return ' '.repeat(offset - lineStart);
}

/**
 * An insertion after `offset` (the end of a block). A loose insertion gets a blank line on both sides;
 * a tight one (a nested bullet under a list item) only starts a new line.
 */
export function insertAfter(
  doc: ParsedDocument,
  offset: number,
  headingDepth: number,
  indent = '',
  tight = false,
): InsertPoint {
  const atEnd = offset >= doc.text.length || doc.text.slice(offset).trim() === '';
  // A blank line already follows, in any line ending (LF, CRLF or CR): no need for another.
  const blankFollows = /^(?:\r\n|\n|\r(?!\n))(?:\r|\n)/.test(doc.text.slice(offset, offset + 4));
  const after = atEnd || tight || blankFollows ? '' : '\n';
  return { offset, before: tight ? '\n' : '\n\n', after, indent, headingDepth };
}
