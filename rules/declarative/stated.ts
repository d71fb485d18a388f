/**
 * Where a PRD or epic states something: a named section with content, a labelled line such as
 * "**Problem:** …", a key/value table row or a front-matter key; and where to report a missing one.
 */
import type { RootContent, Table } from 'mdast';
import {
  lineEndAt,
  normalizeLabel,
  offsets,
  plainText,
  spanOf,
  type RuleContext,
  type Span,
} from '../../src/core/rule-api';

/** "Problem: …", "**Problem:** …", "**Problem**: …", "- Why: …" at the start of a line, with a value after it. */
const LABEL_LINE =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z' /&-]{0,40}?)(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*(\S.*)$/gm;

/** Tells whether a heading, label, table key or front-matter key names what a rule looks for. */
export type LabelTest = (label: string) => boolean;

/** True when a labelled line between `start` and `end` names what `test` looks for. */
function labelledLine(text: string, start: number, end: number, test: LabelTest): boolean {
  const slice = text.slice(start, end);
  LABEL_LINE.lastIndex = 0;
  for (let m = LABEL_LINE.exec(slice); m; m = LABEL_LINE.exec(slice)) {
    if (test(m[1] ?? '')) return true;
  }
  return false;
}

/** Rows of two-column "key | value" tables: a PRD one-pager often opens with one. */
function tableRow(table: Table, test: LabelTest): boolean {
  for (const row of table.children) {
    const [key, value] = row.children;
    if (!key || !value || plainText(value).trim() === '') continue;
    if (test(plainText(key))) return true;
  }
  return false;
}

function frontMatterKey(ctx: RuleContext<unknown>, test: LabelTest): boolean {
  const data = ctx.doc.frontMatter?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === null || value === undefined || String(value).trim() === '') continue;
    if (test(key.replace(/[_-]+/g, ' '))) return true;
  }
  return false;
}

/** Headings that open a document's summary: a labelled line there counts as a section. */
const SUMMARY_TITLES =
  /^(?:summary|overview|tl;?dr|introduction|intro|at a glance|one[- ]pager|executive summary|description)$/;

/**
 * The top-level nodes where a labelled statement counts: `opening` = before the first section (after
 * the title) and in a Summary/Overview section; `anywhere` = the whole document.
 */
function statementNodes(ctx: RuleContext<unknown>, where: 'opening' | 'anywhere'): RootContent[] {
  const nodes = ctx.doc.root.children;
  if (where === 'anywhere') return nodes;
  const out: RootContent[] = [];
  let inSummary = true;
  let first = true;
  for (const node of nodes) {
    if (node.type === 'heading') {
      // The document's title keeps the opening going; any other heading ends it unless it names a summary.
      if (!(first && node.depth === 1)) inSummary = SUMMARY_TITLES.test(normalizeLabel(plainText(node)));
      first = false;
    } else if (inSummary) {
      out.push(node);
    }
  }
  return out;
}

/**
 * True when the document states what `headings` and `labels` look for: a section (whose heading
 * `headings` accepts) with something in it, a front-matter key, or (in the nodes `where` allows) a
 * labelled line or key/value table row (whose label `labels` accepts).
 */
export function statesBy(
  ctx: RuleContext<unknown>,
  headings: LabelTest,
  labels: LabelTest,
  where: 'opening' | 'anywhere',
): boolean {
  // A heading with nothing under it (or only a comment) states nothing yet.
  const sections = ctx.model.sectioned?.sections ?? [];
  if (sections.some((s) => headings(s.title) && s.body.text.replace(/<!--[\s\S]*?-->/g, '').trim() !== '')) return true;
  if (frontMatterKey(ctx, labels)) return true;
  for (const node of statementNodes(ctx, where)) {
    if (node.type === 'table' && tableRow(node, labels)) return true;
    if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') {
      const [s, e] = offsets(node);
      if (labelledLine(ctx.doc.text, s, e, labels)) return true;
    }
  }
  return false;
}

/** What to underline for a whole-document finding: the title, else the first heading, else the first line of content. */
export function documentAnchor(ctx: RuleContext<unknown>): Span {
  const title = ctx.model.sectioned?.title;
  if (title) return title;
  const first = ctx.doc.root.children.find((n) => n.type !== 'yaml' && n.type !== 'html');
  if (!first) return spanOf(ctx.doc, 0, 0);
  const [s, e] = offsets(first);
  return spanOf(ctx.doc, s, lineEndAt(ctx.doc.text, s, e));
}
