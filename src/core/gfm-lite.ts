/**
 * The remark processors behind the one parse. Two GFM extensions are tried all over a document yet can
 * only produce nodes where the text holds certain characters:
 * - autolink literals are tried at every letter of running text (about a quarter of a parse) and need an
 *   `@`, a `://` or a `www.`;
 * - tables are tried at the first line of every paragraph (another quarter) and need a `|`, or a colon
 *   against a dash: without a pipe, micromark still takes a one-column table whose delimiter row aligns
 *   it (`a` over `:-`).
 * A document without those characters gets the identical tree from the same GFM extensions minus the
 * one it cannot use (test/unit/prefilter.test.ts checks the trees are equal).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import type { Root } from 'mdast';

export interface GfmParts {
  autolinkLiterals: boolean;
  tables: boolean;
}

/** remark-gfm's extensions, in its order, without the parts left out. */
function remarkGfmParts(parts: GfmParts) {
  return function (this: Processor): void {
    const data = this.data();
    const syntax = [gfmFootnote(), gfmStrikethrough(), gfmTaskListItem()];
    const trees = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()];
    if (parts.tables) {
      syntax.splice(2, 0, gfmTable());
      trees.splice(2, 0, gfmTableFromMarkdown());
    }
    if (parts.autolinkLiterals) {
      syntax.unshift(gfmAutolinkLiteral());
      trees.unshift(gfmAutolinkLiteralFromMarkdown());
    }
    (data.micromarkExtensions ??= []).push(combineExtensions(syntax));
    (data.fromMarkdownExtensions ??= []).push(trees);
  };
}

/** remark-gfm itself: what every other processor must agree with. */
export const fullProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function processorFor(parts: GfmParts): typeof fullProcessor {
  return unified()
    .use(remarkParse)
    .use(remarkGfmParts(parts))
    .use(remarkFrontmatter, ['yaml']) as unknown as typeof fullProcessor;
}

/** Indexed by `autolinkLiterals + 2 * tables`; with both, remark-gfm itself. */
const processors = [
  processorFor({ autolinkLiterals: false, tables: false }),
  processorFor({ autolinkLiterals: true, tables: false }),
  processorFor({ autolinkLiterals: false, tables: true }),
  fullProcessor,
];

/** Every autolink literal (www., http(s)://, email, mailto:, xmpp:) needs one of these. */
const AUTOLINK_TRIGGER = /@|:\/\/|www\./i;

/** A delimiter row without pipes: an aligning colon stands right before or after its dashes. */
const ALIGNED_DELIMITER = /:-|-:/;

/** The GFM parts that can produce a node in `text`. */
export function gfmPartsFor(text: string): GfmParts {
  return { autolinkLiterals: AUTOLINK_TRIGGER.test(text), tables: text.includes('|') || ALIGNED_DELIMITER.test(text) };
}

/** The mdast tree of BOM-less text, with the cheapest processor that gives remark-gfm's tree. */
export function parseTree(text: string): Root {
  const parts = gfmPartsFor(text);
  return (processors[(parts.autolinkLiterals ? 1 : 0) + (parts.tables ? 2 : 0)] as typeof fullProcessor).parse(
    text,
  ) as Root;
}
