/**
 * The remark processors behind the one parse. GFM's autolink-literal extension is about half of a parse
 * (it is tried at every letter of running text), yet it can only produce a link where the text holds an
 * `@`, a `://` or a `www.`; a document without any of those gets the identical tree from the same GFM
 * extensions minus that one (test/unit/parse-fast.test.ts checks the trees are equal).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import type { Root } from 'mdast';

/** Everything remark-gfm adds except autolink literals, in remark-gfm's order. */
function remarkGfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

export const fullProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
export const liteProcessor = unified().use(remarkParse).use(remarkGfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml']);

/** Every autolink literal (www., http(s)://, email, mailto:, xmpp:) needs one of these. */
const AUTOLINK_TRIGGER = /@|:\/\/|www\./i;

export function mayHaveAutolinkLiteral(text: string): boolean {
  return AUTOLINK_TRIGGER.test(text);
}

/** The mdast tree of BOM-less text, with the cheaper processor when it gives the same tree. */
export function parseTree(text: string): Root {
  return (mayHaveAutolinkLiteral(text) ? fullProcessor : liteProcessor).parse(text) as Root;
}
