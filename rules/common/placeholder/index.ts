import type { Nodes } from 'mdast';
import { defineRule } from '../../../src/core/rule';
import { plainText } from '../../../src/core/classify/text';
import { matchProse } from '../../_lib/prose';
import { artifactAt } from '../_shared/regions';
import docs from './README.md';
import html from './html-elements.json';

const HTML_ELEMENTS = new Set(html.elements);

type Kind = 'slot' | 'marker' | 'dummy';

/** One pass over the prose; each alternative is a bounded run of one character class. */
const PLACEHOLDER_RE = new RegExp(
  [
    // <role>, <the benefit>: not after a word ("List<string>" is a generic type).
    String.raw`(?<slot>(?<![\p{L}\p{N}_])<[\p{L}][\p{L}\p{N} _'’/-]{0,80}>)`,
    String.raw`(?<slot2>\{\{[^{}\n]{1,120}\}\}|\[(?:describe|insert|enter|fill in|specify|add your|your)\b[^\]\n]{0,120}\])`,
    String.raw`(?<marker>(?<![\p{L}\p{N}])(?:[Tt][Bb][DdCcAa]|TODO|FIXME|XXX)(?![\p{L}\p{N}])|\?{3,})`,
    String.raw`(?<dummy>(?<![\p{L}])[Ll]orem ipsum(?![\p{L}]))`,
  ].join('|'),
  'gu',
);

/** A paragraph, cell or heading holding nothing but an ellipsis. */
const ELLIPSIS_ONLY = /^(?:…|\.{3,}|\. \. \.)$/;

const MESSAGES: Record<Kind, (t: string) => string> = {
  slot: (t) => `"${t}" is template text that was never filled in. The team cannot plan or build from a template: write the real content in its place.`,
  marker: (t) =>
    `"${t}" marks something still open. Nobody can estimate or commit to an open item: fill it in, or record it as an open question with an owner.`,
  dummy: (t) => `"${t}" is dummy text. Readers cannot tell it from the real content: replace it with what you mean.`,
};

function isHtmlTag(slot: string): boolean {
  const name = slot.slice(1, -1).split(/[\s/]/)[0]?.toLowerCase() ?? '';
  return HTML_ELEMENTS.has(name);
}

export default defineRule({
  meta: {
    id: 'placeholder',
    role: 'common',
    artifacts: ['story', 'backlog', 'prd', 'epic', 'business-case', 'roadmap', 'roadmap-item'],
    severity: 'warning',
    description: 'Unfilled template text: <placeholders>, TBD, TODO, lorem ipsum, [describe …], {{…}} or a lone "…".',
    rationale:
      'An artifact with template text left in it looks finished but is not: the team plans, estimates and builds from what it says, so every open slot is a decision nobody made.',
    fixable: false,
  },
  docs,
  check(ctx) {
    const { doc, model } = ctx;
    const report = (start: number, end: number, message: string): void => {
      const artifact = artifactAt(model, start);
      if (artifact) ctx.report({ artifact, span: { start, end }, message });
    };
    for (const { match, start, end } of matchProse(doc, [{ start: 0, end: doc.text.length }], PLACEHOLDER_RE, { keepHtml: true })) {
      const g = match.groups ?? {};
      const kind: Kind = g.marker ? 'marker' : g.dummy ? 'dummy' : 'slot';
      if (g.slot && isHtmlTag(g.slot)) continue;
      report(start, end, MESSAGES[kind](match[0]));
    }
    const visit = (node: Nodes): void => {
      if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'heading') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const text = plainText(node).trim();
        if (start !== undefined && end !== undefined && ELLIPSIS_ONLY.test(text)) {
          const at = doc.text.indexOf(text, start);
          report(at, at + text.length, `This "${text}" stands in for content that was never written. Write what belongs here, or remove it.`);
        }
        return;
      }
      // "> …" in a quotation marks an elision in the quoted text, not a gap in ours.
      if (node.type === 'blockquote') return;
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(doc.root);
  },
});
