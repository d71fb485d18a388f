/**
 * Byte order marks, handled here only. The parser drops one leading BOM of its own and keeps any further
 * one as text, so every leading BOM is stripped before the parse (keeping them would shift offsets by one),
 * and findings are shifted back onto the text as given.
 */
import type { Finding, Fix } from './types';

/** How many BOMs `text` starts with. */
export function leadingBoms(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 0xfeff) n++;
  return n;
}

/** `text` without its leading BOMs. */
export function withoutBoms(text: string): string {
  const n = leadingBoms(text);
  return n > 0 ? text.slice(n) : text;
}

/** Moves a finding found in BOM-less text back onto the text with its `n` leading BOMs (on line 1). */
export function shiftForBoms(f: Finding, n: number): Finding {
  const shift = (x: number): number => x + n;
  const edits = (fix: Fix): Fix => ({
    ...fix,
    edits: fix.edits.map((e) => ({ ...e, range: [shift(e.range[0]), shift(e.range[1])] as [number, number] })),
  });
  return {
    ...f,
    range: [shift(f.range[0]), shift(f.range[1])],
    column: f.line === 1 ? f.column + n : f.column,
    endColumn: f.endLine === 1 ? f.endColumn + n : f.endColumn,
    fix: f.fix && edits(f.fix),
    suggestions: f.suggestions?.map(edits),
  };
}
