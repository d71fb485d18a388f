/** Where a missing block goes: insertion points shared by stories (acceptance criteria) and roadmap items ("Why:"). */
import type { ParsedDocument } from '../document';
import type { InsertPoint } from '../model';

/** The indentation of the line holding `offset`, up to it, as spaces. */
export function lineIndent(doc: ParsedDocument, offset: number): string {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  return ' '.repeat(offset - lineStart);
}

/**
 * An insertion after `offset` (the end of a block). A loose insertion gets a blank line on both sides;
 * a tight one (a nested bullet under a list item) only starts a new line.
 */
export function insertAfter(doc: ParsedDocument, offset: number, headingDepth: number, indent = '', tight = false): InsertPoint {
  const rest = doc.text.slice(offset, offset + 2);
  const atEnd = offset >= doc.text.length || doc.text.slice(offset).trim() === '';
  const after = atEnd || tight || rest.startsWith('\n\n') ? '' : '\n';
  return { offset, before: tight ? '\n' : '\n\n', after, indent, headingDepth };
}
