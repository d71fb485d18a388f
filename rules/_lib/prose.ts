/**
 * Prose in a document: the text a word-level rule may look at, with code, HTML, URLs, link targets,
 * images and front matter left out. Built once per parsed document (the editor lints on every
 * keystroke) as a sorted list of excluded ranges, then intersected with any span.
 */
import type { Nodes, Parent } from 'mdast';
import type { ParsedDocument } from '../../src/core/rule-api';
import { memoByText } from '../../src/core/rule-api';

export interface Range {
  start: number;
  end: number;
}

export interface ProseOptions {
  /**
   * Keep inline and block HTML other than comments (the placeholder rule needs `<role>`, which the
   * parser reads as an HTML tag). HTML comments are always left out.
   */
  keepHtml?: boolean;
}

/** Excluded ranges sorted by start, with the running maximum of their ends for a binary search. */
interface Excluded {
  ranges: Range[];
  reach: number[];
}

interface Lists {
  skipHtml: Range[];
  keepHtml: Range[];
  /** Block quotes and link texts: prose, but someone else's words or a name, not a statement of ours. */
  quoted: Range[];
}

const cache = new WeakMap<ParsedDocument, { skipHtml: Excluded; keepHtml: Excluded; quoted: Range[] }>();

function offsetsOf(node: Nodes): Range | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** A link whose text is its own target (`<https://…>`, a bare URL, an email): nothing in it is prose. */
function isAutolink(doc: ParsedDocument, node: Nodes & { url: string }, at: Range): boolean {
  const source = doc.text.slice(at.start, at.end);
  return (
    source.startsWith('<') ||
    source === node.url ||
    `mailto:${source}` === node.url ||
    /^(?:https?:|www\.)/i.test(source)
  );
}

function collect(doc: ParsedDocument, node: Nodes, out: Lists): void {
  const at = offsetsOf(node);
  if (!at) return;
  switch (node.type) {
    case 'code':
    case 'inlineCode':
    case 'yaml':
    case 'image':
    case 'imageReference':
    case 'definition':
      out.skipHtml.push(at);
      out.keepHtml.push(at);
      return;
    case 'html':
      out.skipHtml.push(at);
      if (node.value.trimStart().startsWith('<!--')) out.keepHtml.push(at);
      return;
    case 'link':
    case 'linkReference': {
      if (node.type === 'link' && isAutolink(doc, node, at)) {
        out.skipHtml.push(at);
        out.keepHtml.push(at);
        return;
      }
      // The link text is prose; the brackets and the target around it are not.
      const kids = (node as Parent).children;
      const first = kids[0] ? offsetsOf(kids[0] as Nodes) : null;
      const last = kids[kids.length - 1] ? offsetsOf(kids[kids.length - 1] as Nodes) : null;
      const inner = first && last ? { start: first.start, end: last.end } : { start: at.end, end: at.end };
      if (inner.end > inner.start) out.quoted.push(inner);
      for (const r of [
        { start: at.start, end: inner.start },
        { start: inner.end, end: at.end },
      ]) {
        if (r.end > r.start) {
          out.skipHtml.push(r);
          out.keepHtml.push(r);
        }
      }
      for (const child of kids) collect(doc, child as Nodes, out);
      return;
    }
    case 'blockquote':
      out.quoted.push(at);
      for (const child of node.children) collect(doc, child, out);
      return;
    default:
      if ('children' in node) for (const child of node.children as Nodes[]) collect(doc, child, out);
  }
}

function sortedExcluded(ranges: Range[]): Excluded {
  ranges.sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const r of ranges) reach.push(Math.max(reach[reach.length - 1] ?? -1, r.end));
  return { ranges, reach };
}

function entryOf(doc: ParsedDocument): { skipHtml: Excluded; keepHtml: Excluded; quoted: Range[] } {
  let entry = cache.get(doc);
  if (!entry) {
    const lists: Lists = { skipHtml: [], keepHtml: [], quoted: [] };
    collect(doc, doc.root, lists);
    entry = {
      skipHtml: sortedExcluded(lists.skipHtml),
      keepHtml: sortedExcluded(lists.keepHtml),
      quoted: mergeRanges(lists.quoted),
    };
    cache.set(doc, entry);
  }
  return entry;
}

function excluded(doc: ParsedDocument, keepHtml: boolean): Excluded {
  const entry = entryOf(doc);
  return keepHtml ? entry.keepHtml : entry.skipHtml;
}

/** Block quotes and link texts, merged and in document order (from the same one walk of the tree). */
export function quotedRanges(doc: ParsedDocument): readonly Range[] {
  return entryOf(doc).quoted;
}

/** The index of the first excluded range that ends after `at`: every one before it is behind `at`. */
function firstReaching({ reach }: Excluded, at: number): number {
  let lo = 0;
  let hi = reach.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((reach[mid] as number) > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The prose ranges inside `span`, in document order. */
export function proseRanges(doc: ParsedDocument, span: Range, options: ProseOptions = {}): Range[] {
  const out: Range[] = [];
  let at = span.start;
  const holes = excluded(doc, options.keepHtml === true);
  for (let i = firstReaching(holes, at); i < holes.ranges.length; i++) {
    const r = holes.ranges[i] as Range;
    if (r.end <= at) continue;
    if (r.start >= span.end) break;
    if (r.start > at) out.push({ start: at, end: r.start });
    at = Math.max(at, r.end);
  }
  if (at < span.end) out.push({ start: at, end: span.end });
  return out;
}

/** Merges overlapping or touching ranges (sorted copy). */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Removes `holes` from `ranges` (both in document order). */
export function subtractRanges(ranges: readonly Range[], holes: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    let at = r.start;
    for (const h of holes) {
      if (h.end <= at || h.start >= r.end) continue;
      if (h.start > at) out.push({ start: at, end: h.start });
      at = Math.max(at, h.end);
    }
    if (at < r.end) out.push({ start: at, end: r.end });
  }
  return out;
}

/** Per regular expression, its matches in a text, memoised: the editor matches the same paragraphs on every keystroke. */
const matchers = new WeakMap<RegExp, (text: string) => RegExpExecArray[]>();

function matchesIn(re: RegExp, text: string): RegExpExecArray[] {
  let matcher = matchers.get(re);
  if (!matcher) {
    matcher = memoByText(
      (t: string) => t,
      (t: string) => {
        const out: RegExpExecArray[] = [];
        re.lastIndex = 0;
        for (let m = re.exec(t); m; m = re.exec(t)) {
          if (m[0] === '') re.lastIndex++;
          else out.push(m);
        }
        return out;
      },
    );
    matchers.set(re, matcher);
  }
  return matcher(text);
}

/**
 * Every match of a global regular expression inside the prose of `ranges`, with document offsets.
 * Each prose range is matched on its own, so no match spans code or a URL; callers must not mutate the
 * matches.
 */
export function* matchProse(
  doc: ParsedDocument,
  ranges: readonly Range[],
  re: RegExp,
  options: ProseOptions = {},
): Generator<{ match: RegExpExecArray; start: number; end: number }> {
  if (!re.global) throw new Error('matchProse needs a global regular expression');
  for (const span of mergeRanges(ranges)) {
    for (const r of proseRanges(doc, span, options)) {
      for (const m of matchesIn(re, doc.text.slice(r.start, r.end))) {
        yield { match: m, start: r.start + m.index, end: r.start + m.index + m[0].length };
      }
    }
  }
}
