/** The one parse of a document: remark (CommonMark + GFM + front matter) into mdast, YAML front matter read once. */
import type { Nodes, Root } from 'mdast';
import { parseDocument } from 'yaml';
import { parseTree } from './gfm-lite';
import { LineIndex, nodeSpan, type FrontMatter, type ParsedDocument } from './document';
import { yamlValue } from './yaml';

/** Parses BOM-less text (the engine strips a BOM first, since the parser would drop it and shift every offset). */
export function parseMarkdown(text: string, filePath?: string): ParsedDocument {
  return documentOf(text, parseTree(text), filePath);
}

/** The document around a tree of `text`, its front matter read (the incremental parser builds trees too). */
export function documentOf(text: string, root: Root, filePath?: string, frontMatter?: FrontMatter | null, lines?: LineIndex): ParsedDocument {
  if (text.includes('\r\n')) fixTaskParagraphStarts(text, root);
  const doc: ParsedDocument = { text, filePath, root, frontMatter: null, lines: lines ?? new LineIndex(text) };
  const first = root.children[0];
  if (frontMatter !== undefined) {
    doc.frontMatter = frontMatter;
  } else if (first && first.type === 'yaml') {
    const span = nodeSpan(doc, first);
    const yamlDoc = parseDocument(first.value, { prettyErrors: false });
    const fm: FrontMatter = { span, data: undefined };
    const err = yamlDoc.errors[0];
    // The YAML value starts after the opening `---` line.
    const valueStart = text.indexOf('\n', span.start) + 1;
    if (err) {
      fm.error = { message: err.message.split('\n')[0] ?? err.message, offset: valueStart + (err.pos[0] ?? 0) };
    } else {
      const value = yamlValue(yamlDoc);
      if ('error' in value) fm.error = { message: value.error.message, offset: valueStart + value.error.offset };
      else fm.data = value.data;
    }
    doc.frontMatter = fm;
  }
  return doc;
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
      if (paragraph?.position && head?.type === 'text' && start?.offset !== undefined && head.value.startsWith('\n') && text.charCodeAt(start.offset - 1) === 13) {
        const moved = { line: start.line + 1, column: 1, offset: start.offset + 1 };
        head.value = head.value.slice(1);
        head.position = { start: moved, end: head.position!.end };
        paragraph.position = { start: { ...moved }, end: paragraph.position.end };
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}
