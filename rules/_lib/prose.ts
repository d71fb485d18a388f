/**
 * Prose in a document: the text a word-level rule may look at, with code, HTML, URLs, link targets,
 * images and front matter left out. Built once per parsed document (the editor lints on every
 * keystroke) as a sorted list of excluded ranges, then intersected with any span.
 */
import type { Nodes, Parent } from 'mdast';
import type { ParsedDocument } from '../../src/core/document';

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

const cache = new WeakMap<ParsedDocument, { skipHtml: Range[]; keepHtml: Range[] }>();

function offsetsOf(node: Nodes): Range | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** A link whose text is its own target (`<https://…>`, a bare URL, an email): nothing in it is prose. */
function isAutolink(doc: ParsedDocument, node: Nodes & { url: string }, at: Range): boolean {
  const source = doc.text.slice(at.start, at.end);
  return source.startsWith('<') || source === node.url || `mailto:${source}` === node.url || /^(?:https?:|www\.)/i.test(source);
}

function collect(doc: ParsedDocument, node: Nodes, out: { skipHtml: Range[]; keepHtml: Range[] }): void {
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
      for (const r of [{ start: at.start, end: inner.start }, { start: inner.end, end: at.end }]) {
        if (r.end > r.start) {
          out.skipHtml.push(r);
          out.keepHtml.push(r);
        }
      }
      for (const child of kids) collect(doc, child as Nodes, out);
      return;
    }
    default:
      if ('children' in node) for (const child of node.children as Nodes[]) collect(doc, child, out);
  }
}

function excluded(doc: ParsedDocument, keepHtml: boolean): Range[] {
  let entry = cache.get(doc);
  if (!entry) {
    entry = { skipHtml: [], keepHtml: [] };
    collect(doc, doc.root, entry);
    entry.skipHtml.sort((a, b) => a.start - b.start);
    entry.keepHtml.sort((a, b) => a.start - b.start);
    cache.set(doc, entry);
  }
  return keepHtml ? entry.keepHtml : entry.skipHtml;
}

/** The prose ranges inside `span`, in document order. */
export function proseRanges(doc: ParsedDocument, span: Range, options: ProseOptions = {}): Range[] {
  const out: Range[] = [];
  let at = span.start;
  for (const r of excluded(doc, options.keepHtml === true)) {
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

/**
 * Every match of a global regular expression inside the prose of `ranges`, with document offsets.
 * Each prose range is matched on its own, so no match spans code or a URL.
 */
export function* matchProse(doc: ParsedDocument, ranges: readonly Range[], re: RegExp, options: ProseOptions = {}): Generator<{ match: RegExpExecArray; start: number; end: number }> {
  if (!re.global) throw new Error('matchProse needs a global regular expression');
  for (const span of mergeRanges(ranges)) {
    for (const r of proseRanges(doc, span, options)) {
      const text = doc.text.slice(r.start, r.end);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0] === '') {
          re.lastIndex++;
          continue;
        }
        yield { match: m, start: r.start + m.index, end: r.start + m.index + m[0].length };
      }
    }
  }
}
