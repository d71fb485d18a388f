/** The one parse of a document: remark (CommonMark + GFM + front matter) into mdast, YAML front matter read once. */
import type { Nodes, Root } from 'mdast';
import { isMap, isNode, isScalar, parseDocument, type Pair } from 'yaml';
import { parseTree } from './gfm-lite';
import {
  LineIndex,
  lineEndAt,
  nodeSpan,
  spanOf,
  type FrontMatter,
  type FrontMatterEntry,
  type ParsedDocument,
} from './document';
import type { Span } from './types';
import { yamlValue } from './yaml';

/** Parses BOM-less text (the engine strips a BOM first, since the parser would drop it and shift every offset). */
export function parseMarkdown(text: string, filePath?: string): ParsedDocument {
  return documentOf(text, parseTree(text), filePath);
}

/** The document around a tree of `text`, its front matter read (the incremental parser builds trees too). */
export function documentOf(
  text: string,
  root: Root,
  filePath?: string,
  frontMatter?: FrontMatter | null,
  lines?: LineIndex,
): ParsedDocument {
  if (text.includes('\r\n')) fixTaskParagraphStarts(text, root);
  const doc: ParsedDocument = { text, filePath, root, frontMatter: null, lines: lines ?? new LineIndex(text) };
  const first = root.children[0];
  if (frontMatter !== undefined) {
    doc.frontMatter = frontMatter;
  } else if (first && first.type === 'yaml') {
    doc.frontMatter = frontMatterOf(doc, nodeSpan(doc, first), first.value);
  }
  return doc;
}

/** The one YAML parse of the front matter: its value, or its first error, and where its map's entries are written. */
function frontMatterOf(doc: ParsedDocument, span: Span, value: string): FrontMatter {
  // The YAML starts on the line after the opening `---`, whichever line ending closes that line.
  const fenceEnd = lineEndAt(doc.text, span.start, span.end);
  const valueStart = fenceEnd + (doc.text.startsWith('\r\n', fenceEnd) ? 2 : 1);
  const fm: FrontMatter = { span, yaml: spanOf(doc, valueStart, valueStart + value.length), data: undefined };
  // The YAML parser breaks lines at LF and CRLF only; Markdown also at a lone CR. Same length, same offsets.
  const yamlDoc = parseDocument(value.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false });
  const err = yamlDoc.errors[0];
  if (err) {
    fm.error = { message: err.message.split('\n')[0] ?? err.message, offset: valueStart + (err.pos[0] ?? 0) };
    return fm;
  }
  const data = yamlValue(yamlDoc);
  if ('error' in data) {
    fm.error = { message: data.error.message, offset: valueStart + data.error.offset };
    return fm;
  }
  fm.data = data.data;
  if (isMap(yamlDoc.contents)) fm.entries = entriesOf(yamlDoc.contents.items, valueStart);
  return fm;
}

function entriesOf(pairs: readonly Pair<unknown, unknown>[], at: number): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  for (const { key, value } of pairs) {
    if (!isScalar(key) || typeof key.value !== 'string' || !key.range) continue;
    const keyRange = { start: at + key.range[0], end: at + key.range[1] };
    const entry: FrontMatterEntry = { key: key.value, keyRange, scalar: isScalar(value) };
    const range = isNode(value) ? value.range : undefined;
    if (range) entry.valueRange = { start: at + range[0], end: at + range[1] };
    entries.push(entry);
  }
  return entries;
}

/**
 * mdast-util-gfm-task-list-item drops one character after a checkbox, taking it for the space: before a
 * CRLF that is the CR, and the item's paragraph then starts on the LF, at the end of the checkbox's line
 * (with LF it starts on the next line). Moves such a paragraph, and its first text, past the LF, so a
 * CRLF document gets the tree (and findings) of its LF twin. Iterative: trees can be deep.
 */
function fixTaskParagraphStarts(text: string, root: Root): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      const paragraph = node.children.find((c) => c.type === 'paragraph');
      const head = paragraph?.children[0];
      const start = head?.position?.start;
      if (
        paragraph?.position &&
        head?.type === 'text' &&
        start?.offset !== undefined &&
        head.value.startsWith('\n') &&
        text.charCodeAt(start.offset - 1) === 13
      ) {
        const moved = { line: start.line + 1, column: 1, offset: start.offset + 1 };
        head.value = head.value.slice(1);
        head.position = { start: moved, end: head.position!.end };
        paragraph.position = { start: { ...moved }, end: paragraph.position.end };
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}
