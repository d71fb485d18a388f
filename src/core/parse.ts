/** The one parse of a document: remark (CommonMark + GFM + front matter) into mdast, YAML front matter read once. */
import type { Root } from 'mdast';
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
