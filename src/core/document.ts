/** A parsed document: the text, its one mdast tree, front matter, and offset ↔ line/column mapping. */
import type { Root } from 'mdast';
import type { Position, Span } from './types';

export interface FrontMatter {
  /** The whole `---` block. */
  span: Span;
  /** The YAML text between the fences (the line after the opening `---` to the line end before the closing one). */
  yaml: Span;
  /** The YAML value, or undefined when it did not parse. */
  data: unknown;
  /** YAML syntax error, when there is one, at its offset in the document. */
  error?: { message: string; offset: number };
  /**
   * Where the keys and values are written, when the YAML is a map (absent for any other value, and with
   * an error): its entries whose key is a string, in order, so a rule can point at a key without parsing again.
   */
  entries?: FrontMatterEntry[];
}

/** One `key: value` of a front matter map, with document offsets. */
export interface FrontMatterEntry {
  key: string;
  /** The key as written. */
  keyRange: { start: number; end: number };
  /**
   * The value as written, to the end of the value itself (a comment after it is left out); a plain
   * scalar's end can take in the CR of a CRLF line end. Absent when the parse gave the key no value node.
   */
  valueRange?: { start: number; end: number };
  /** The value is one scalar (no list or map), so a fix can replace its text. */
  scalar: boolean;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(text: string, starts?: number[]) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /**
   * The index of `text`, made from this one (of the text before an edit) when only [start, oldEnd)
   * was replaced, by what is now [start, newEnd): lines before are kept, lines after move.
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const starts: number[] = [];
    let i = 0;
    for (; i < this.starts.length && (this.starts[i] as number) <= start; i++) starts.push(this.starts[i] as number);
    for (let at = text.indexOf('\n', start); at !== -1 && at < newEnd; at = text.indexOf('\n', at + 1))
      starts.push(at + 1);
    while (i < this.starts.length && (this.starts[i] as number) <= oldEnd) i++;
    for (; i < this.starts.length; i++) starts.push((this.starts[i] as number) + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset. */
  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }

  /** Offset of the start of a 1-based line (clamped). */
  lineStart(line: number): number {
    const i = Math.min(Math.max(line - 1, 0), this.starts.length - 1);
    return this.starts[i] as number;
  }

  /** Offset of a 1-based line and column. */
  offsetAt(pos: Position): number {
    return this.lineStart(pos.line) + pos.column - 1;
  }
}

export interface ParsedDocument {
  text: string;
  filePath?: string;
  root: Root;
  frontMatter: FrontMatter | null;
  lines: LineIndex;
}

export function spanOf(doc: { text: string }, start: number, end: number): Span {
  return { start, end, text: doc.text.slice(start, end) };
}

/** Span of an mdast node (every node from the parser carries offsets). */
export function nodeSpan(
  doc: { text: string },
  node: { position?: { start: { offset?: number }; end: { offset?: number } } },
): Span {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return spanOf(doc, start, end);
}

/** Span of a run of sibling nodes, first to last. */
export function nodesSpan(
  doc: { text: string },
  nodes: readonly { position?: { start: { offset?: number }; end: { offset?: number } } }[],
): Span | null {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return null;
  return spanOf(doc, nodeSpan(doc, first).start, nodeSpan(doc, last).end);
}

/**
 * Where the line that holds `from` ends, at `limit` at the latest: before its LF, CRLF or lone CR, as
 * the parser reads line endings, so an underline never takes in a carriage return.
 */
export function lineEndAt(text: string, from: number, limit = text.length): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return limit;
}
