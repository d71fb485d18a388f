/**
 * Re-parsing only what an edit touched, for the editor: a keystroke in a 1,000-story backlog would
 * otherwise re-parse hundreds of KB. The document is cut into chunks at top-level ATX headings that
 * start a line (`## …` at column 1). The parser's state at such a heading is empty (every container
 * and open block before it is closed, or the heading would not be top level), so the text between two
 * of them parses the same alone as in the whole document. An edit re-parses the chunks it touches and
 * keeps the other chunks' nodes, moved by the edit's length.
 *
 * The result is the tree a full parse gives (test/unit/incremental-parse.test.ts checks it on random
 * edits); whenever that cannot be shown cheaply, it is a full parse:
 * - the re-parsed text must still start with an ATX heading (else its first line could continue the
 *   paragraph before it), and the heading after it must still come out top level (an unclosed fence or
 *   HTML block would swallow it): checked by parsing that heading line along with the chunks;
 * - link and footnote definitions act across the document, so text holding `]:` is always parsed whole.
 */
import type { Root, RootContent } from 'mdast';
import type { ParsedDocument } from './document';
import { parseTree } from './gfm-lite';
import { documentOf } from './parse';

interface Point {
  line: number;
  column: number;
  offset?: number;
}

interface Positioned {
  position?: { start: Point; end: Point };
  children?: Positioned[];
}

/** A top-level ATX heading at column 1: where a chunk may start (`#` rules out a setext heading). */
function isChunkStart(text: string, node: RootContent): boolean {
  const offset = node.position?.start.offset;
  return (
    node.type === 'heading' &&
    offset !== undefined &&
    node.position?.start.column === 1 &&
    text.charCodeAt(offset) === 35
  ); // '#'
}

/** Moves every position in `nodes` (recursively) by `offset` code units and `lines` lines. */
function shift(nodes: readonly Positioned[], offset: number, lines: number): void {
  for (const node of nodes) {
    const p = node.position;
    if (p) {
      p.start.line += lines;
      p.end.line += lines;
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
    }
    if (node.children) shift(node.children, offset, lines);
  }
}

/** Line breaks in text[start, end) as the parser counts them: `\r\n`, `\n` or a lone `\r`. */
function lineBreaks(text: string, start: number, end: number): { count: number; lastEnd: number } {
  let count = 0;
  let lastEnd = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      count++;
      lastEnd = i + 1;
    }
  }
  return { count, lastEnd };
}

/** How many chunks before the edited one an edit may pull in (by breaking its heading) before a full parse is cheaper. */
const MAX_CHUNKS_BACK = 2;
const STEP = 512;

/** Length of the common prefix; slices compare natively, a block at a time. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + STEP <= max && a.slice(i, i + STEP) === b.slice(i, i + STEP)) i += STEP;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix that does not overlap a common prefix of `prefix`. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + STEP <= max && a.slice(a.length - n - STEP, a.length - n) === b.slice(b.length - n - STEP, b.length - n))
    n += STEP;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Start of the line holding `offset` (after a `\n`, `\r\n` or lone `\r`). */
function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

export interface IncrementalStats {
  /** Parses that re-used part of the previous tree, and full parses. */
  partial: number;
  full: number;
}

/**
 * One document's parser across its versions. A parse hands the previous tree's unchanged nodes to
 * the new tree and moves them, so a ParsedDocument it returned earlier must not be used after the
 * next call.
 */
export class IncrementalParser {
  private last: ParsedDocument | null = null;
  readonly stats: IncrementalStats = { partial: 0, full: 0 };

  /** Whether the last text held `]:` (a possible definition), which rules out a partial re-parse. */
  private lastHadDefinition = false;

  parse(text: string, filePath?: string): ParsedDocument {
    const partial =
      this.last && this.last.filePath === filePath && !this.lastHadDefinition ? this.reparse(this.last, text) : null;
    const doc = partial ?? this.full(text, filePath);
    this.last = doc;
    return doc;
  }

  private full(text: string, filePath?: string): ParsedDocument {
    this.stats.full++;
    this.lastHadDefinition = text.includes(']:');
    return documentOf(text, parseTree(text), filePath);
  }

  private reparse(old: ParsedDocument, text: string): ParsedDocument | null {
    if (text === old.text) return old;
    const before = old.text;
    const prefix = commonPrefix(before, text);
    const suffix = commonSuffix(before, text, prefix);
    const oldEnd = before.length - suffix;
    // The old text had no `]:`, so the new one has one only where the edit could have made it.
    if (text.slice(Math.max(0, prefix - 1), text.length - suffix + 1).includes(']:')) return null;

    const children = old.root.children;
    const starts: number[] = [];
    for (let i = 0; i < children.length; i++) if (isChunkStart(before, children[i] as RootContent)) starts.push(i);
    const startOf = (i: number) => (children[i] as RootContent).position?.start.offset as number;
    // First chunk: the one holding the character before the edit (an edit at a chunk's first character
    // may join its heading line to the chunk before). Last: the one holding the first unchanged character.
    let first = -1;
    let next = starts.length;
    for (let k = 0; k < starts.length; k++) {
      const at = startOf(starts[k] as number);
      if (at <= prefix - 1) first = k;
      if (at > oldEnd) {
        next = k;
        break;
      }
    }
    // An edit that turns its chunk's heading into text joins the chunk to the one before: take that one too.
    for (let back = 0; back <= MAX_CHUNKS_BACK && first - back >= -1; back++) {
      const doc = this.tryRegion(old, text, starts, first - back, next);
      if (doc !== 'widen') return doc;
    }
    return null;
  }

  /** Re-parses chunks [first, next) of the old tree (first -1: from the start); null when only a full parse will do. */
  private tryRegion(
    old: ParsedDocument,
    text: string,
    starts: readonly number[],
    first: number,
    next: number,
  ): ParsedDocument | null | 'widen' {
    const before = old.text;
    const children = old.root.children;
    const startOf = (i: number) => (children[i] as RootContent).position?.start.offset as number;
    const fromNode = first === -1 ? 0 : (starts[first] as number);
    const toNode = next < starts.length ? (starts[next] as number) : children.length;
    const regionStart = first === -1 ? 0 : startOf(fromNode);
    // Text before the first heading may hold front matter: re-reading that is a full parse's job.
    if (regionStart === 0 && text.charCodeAt(0) !== 35) return null;
    const delta = text.length - before.length;
    const oldRegionEnd = toNode < children.length ? startOf(toNode) : before.length;
    const regionEnd = oldRegionEnd + delta;

    // Parse through the line of the heading after the region, to see it still comes out top level.
    let parseEnd = regionEnd;
    if (toNode < children.length) {
      while (parseEnd < text.length && text.charCodeAt(parseEnd) !== 10 && text.charCodeAt(parseEnd) !== 13) parseEnd++;
    }
    const part = parseTree(text.slice(regionStart, parseEnd));
    const fresh = part.children;
    const head = fresh[0];
    if (head?.type !== 'heading' || head.position?.start.offset !== 0 || text.charCodeAt(regionStart) !== 35)
      return 'widen';
    if (toNode < children.length) {
      const tail = fresh.pop();
      if (
        tail?.type !== 'heading' ||
        tail.position?.start.offset !== regionEnd - regionStart ||
        tail.position.start.column !== 1
      )
        return null;
    }
    const startLine = regionStart === 0 ? 1 : ((children[fromNode] as RootContent).position?.start.line as number);
    shift(fresh, regionStart, startLine - 1);
    const lineDelta =
      lineBreaks(text, regionStart, regionEnd).count - lineBreaks(before, regionStart, oldRegionEnd).count;
    const kept = children.slice(toNode);
    if (delta !== 0 || lineDelta !== 0) shift(kept, delta, lineDelta);

    const root: Root = { ...old.root, children: [...children.slice(0, fromNode), ...fresh, ...kept] };
    // The last line starts in the region only when no kept chunk follows it; otherwise its column stands.
    const oldEndPoint = old.root.position?.end as Point;
    let column = oldEndPoint.column;
    if (toNode === children.length) {
      const tail = lineBreaks(text, regionStart, text.length);
      column = text.length - (tail.lastEnd === -1 ? lineStartBefore(text, regionStart) : tail.lastEnd) + 1;
    }
    root.position = {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: oldEndPoint.line + lineDelta, column, offset: text.length },
    };
    this.stats.partial++;
    const lines = old.lines.edited(text, regionStart, oldRegionEnd, regionEnd);
    return documentOf(text, root, old.filePath, regionStart === 0 ? null : old.frontMatter, lines);
  }
}
