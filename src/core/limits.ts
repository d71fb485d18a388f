/**
 * Structural limits, checked by one linear pass over the text before the parse. micromark's time grows
 * with nesting faster than with size (a list nested 400 levels, 170 KB, takes seconds; 5,000 nested
 * emphases take over ten), and the trees it builds from such input are deep enough to overflow the
 * stack of any walk over them. A document over a limit is reported as too complex to lint, at the line
 * where it went over, instead of being parsed.
 *
 * The pass over-estimates, never under-estimates, so the parse never meets deeper nesting than the limits:
 * - containers (list items, block quotes): every block quote `>` and list marker at the start of a line
 *   (after other containers) opens one; it is nested in every item still open from earlier lines whose
 *   content column is at or left of it. Items are closed only by a container start further left, never
 *   by text (lazy continuation lines keep them open), so the count is at least CommonMark's depth.
 * - emphasis (`*`, `_`, `~` runs): within a paragraph (up to a blank line, or one table row), a run that
 *   can only open adds its length, one that can only close takes it away, one that can do both leaves at
 *   least its length open. Code spans and escapes are not skipped, which can only count more.
 * The limits sit far above what real documents use (nesting beyond 8 levels is rare) and low enough that
 * a document at the limits parses about as fast per byte as ordinary Markdown (scripts/stress/parse-limits.stress.ts).
 */
import { leadingBoms } from './bom';

/** Lists and block quotes nested deeper than this are too complex. */
export const MAX_CONTAINER_DEPTH = 32;
/** Emphasis, strong and strikethrough delimiters left open deeper than this, within one paragraph. */
export const MAX_INLINE_DEPTH = 32;
/**
 * Text longer than this is never parsed, whatever --max-file-size says. A parse holds about 60 bytes of
 * heap per character of text at its peak (tree, positions, the tokenizer's events); 64 MB of text would
 * then need close to 4 GB, the whole of V8's default heap, and a 50 MB file runs it out of memory. At
 * 16 M characters the peak stays near 1 GB, which a default heap holds with room to spare.
 */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;

/**
 * The pre-parse scan also estimates the work of linting the text, in units of one character of plain prose:
 * each character is one, each open container (list item, block quote) costs 13 more on every line it
 * continues over and 30 more on the line its marker is on, each emphasis delimiter 16 and each code or link
 * delimiter (`` ` [ ] ( ) ``) 30. The weights are CPU time ratios against plain prose, measured on 256 KB of
 * each worst case of scripts/stress/parse-limits.stress.ts (lists nested 32 levels, 32 markers a line,
 * emphasis nested 32 levels, dense inline markup: 3 to 45 times the cost of prose per character).
 * A lint is refused before its parse when this work exceeds its time budget at WORK_PER_MS, which is about
 * six times the rate measured for prose (632 characters per CPU millisecond, 2 busy cores): a faster machine
 * than that could still lint in time, so only documents sure to run out of their budget are refused.
 */
export const WORK_PER_MS = 4000;
const CONTAINER_LINE_WORK = 13;
const CONTAINER_MARKER_WORK = 30;
const EMPHASIS_WORK = 16;
const CODE_OR_LINK_WORK = 30;

export interface StructureOptions {
  /** The lint's time budget in ms (0 or absent: none); text whose estimated work exceeds it is refused. */
  budgetMs?: number;
}

export class TooComplexError extends Error {
  /** `overBudget`: refused by the time-budget estimate rather than a structural limit, so a larger budget helps. */
  constructor(
    message: string,
    readonly line: number,
    readonly overBudget = false,
  ) {
    super(message);
  }
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

const isBlankish = (c: number): boolean => c === SPACE || c === TAB;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

type CharClass = 'space' | 'punct' | 'other';

function classOf(text: string, i: number, lineStart: number, lineEnd: number): CharClass {
  if (i < lineStart || i >= lineEnd) return 'space';
  const ch = text[i] as string;
  if (WHITESPACE.test(ch)) return 'space';
  return PUNCTUATION.test(ch) ? 'punct' : 'other';
}

/** A list marker at `i` (bullet, or 1–9 digits and `.` or `)`), followed by a space, a tab or the line end: its width. */
function markerWidth(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  let j = i;
  if (c === 45 || c === 42 || c === 43)
    j = i + 1; // - * +
  else {
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || j >= end) return 0;
    const d = text.charCodeAt(j);
    if (d !== 46 && d !== 41) return 0; // . )
    j++;
  }
  if (j < end && !isBlankish(text.charCodeAt(j))) return 0;
  return j - i;
}

/** Throws TooComplexError when `text` goes over a limit; linear in its length. */
export function checkStructure(text: string, options: StructureOptions = {}): void {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new TooComplexError(
      `too large to lint: ${text.length} characters, over the hard limit of ${MAX_TEXT_LENGTH}`,
      1,
    );
  }
  const budgetMs = options.budgetMs ?? 0;
  const maxWork = budgetMs > 0 ? budgetMs * WORK_PER_MS : Infinity;
  // Plain text alone within the budget: the work counted below is only the markup's.
  let work = text.length;
  // Content columns of the containers that may still be open.
  const open: number[] = [];
  let inline = 0;
  let tableRows = false;
  let previousBlank = true;
  let line = 1;
  // Leading BOMs (which the engine strips before the parse, bom.ts) must not hide the first line's markers
  // from a caller that passes them: adding a BOM never changes the verdict.
  for (let start = leadingBoms(text); start <= text.length; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    // The container prefix: spaces, tabs (to the next multiple of 4), `>` and list markers.
    let i = start;
    let col = 0;
    let item = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i < end && isBlankish(c)) {
        col = c === TAB ? col + 4 - (col % 4) : col + 1;
        i++;
        continue;
      }
      const width = i < end ? (c === 62 ? 1 : markerWidth(text, i, end)) : 0;
      if (width === 0) break;
      if (c !== 62) item = true;
      while (open.length > 0 && (open[open.length - 1] as number) > col) open.pop();
      col += width;
      i += width;
      open.push(col);
      work += CONTAINER_MARKER_WORK;
      if (open.length > MAX_CONTAINER_DEPTH) {
        throw new TooComplexError(
          `too complex to lint: lists and block quotes nested more than ${MAX_CONTAINER_DEPTH} levels deep`,
          line,
        );
      }
    }
    work += CONTAINER_LINE_WORK * open.length;
    const blank = i === end;
    if (blank) {
      inline = 0;
      tableRows = false;
    } else {
      // A delimiter row under a header row: from here on, each line of the paragraph is a table row, parsed alone.
      if (
        !previousBlank &&
        !tableRows &&
        /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(text.slice(i, end)) &&
        text.slice(i, end).includes('|')
      )
        tableRows = true;
      // Emphasis never spans blocks: a list item or an ATX heading starts a new inline context.
      const heading = text.charCodeAt(i) === 35;
      if (tableRows || item || heading) inline = 0;
      inline = checkInline(text, i, end, inline, line);
      work += inlineWork(text, i, end);
      if (heading) inline = 0;
    }
    if (work > maxWork) {
      throw new TooComplexError(
        `too complex to lint within the time budget of ${budgetMs} ms: its size and markup up to here need more (estimated before parsing; a larger budget lets it be tried)`,
        line,
        true,
      );
    }
    previousBlank = blank;
    if (end >= text.length) break;
    start = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
}

/** The open emphasis depth after the line's text [from, end), starting from `depth`. */
function checkInline(text: string, from: number, end: number, depth: number, line: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 42 && c !== 95 && c !== 126) continue; // * _ ~
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === c) j++;
    const length = j - i;
    const before = classOf(text, i - 1, from, end);
    const after = classOf(text, j, from, end);
    const opens = after !== 'space' && (after !== 'punct' || before !== 'other');
    const closes = before !== 'space' && (before !== 'punct' || after !== 'other');
    if (opens && closes) depth = Math.max(depth - length, 0) + length;
    else if (opens) depth += length;
    else if (closes) depth = Math.max(depth - length, 0);
    if (depth > MAX_INLINE_DEPTH) {
      throw new TooComplexError(`too complex to lint: emphasis nested more than ${MAX_INLINE_DEPTH} levels deep`, line);
    }
    i = j - 1;
  }
  return depth;
}

/** The markup's share of the estimated work of the line's text [from, end). */
function inlineWork(text: string, from: number, end: number): number {
  let work = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 95 || c === 126)
      work += EMPHASIS_WORK; // * _ ~
    else if (c === 96 || c === 91 || c === 93 || c === 40 || c === 41) work += CODE_OR_LINK_WORK; // ` [ ] ( )
  }
  return work;
}
