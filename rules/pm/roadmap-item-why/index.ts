import { insertionFix } from '../../../src/core/rule-api';
import type { RoadmapItem } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import type { Fix } from '../../../src/core/rule-api';
import { reportPlan, textWithout } from '../_lib/roadmap';
import docs from './README.md';
import vocabulary from './why-cues.json';
import template from './template.md';

const CUE = new RegExp(
  `(?<![\\p{L}'])(?:${vocabulary.cues.map((c) => c.replace(/ /g, '\\s+').replace(/[-']/g, "[-'’ ]?")).join('|')})(?![\\p{L}'])`,
  'iu',
);

/** Words of prose a section item needs before its description counts as the reason: a paragraph, not a label. */
const EXPLAINING_WORDS = 25;

/**
 * A section item described in a paragraph of its own ("Software package managers are an ideal use case …")
 * argues for itself: a reviewer reads the paragraph as its why. List items and table rows stay strict.
 */
function explainsItself(item: RoadmapItem): boolean {
  if (item.container !== 'section') return false;
  const prose = item.span.text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => !/^\s*(?:[-*+]|\d+[.)]|#|\|)/.test(line))
    .join(' ');
  return (prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length >= EXPLAINING_WORDS;
}

/** A table row's empty Why cell, filled with the template's placeholder (its "Why:" label is the column's header). */
function cellFix(item: RoadmapItem, template: string): Fix | undefined {
  const cell = item.emptyCells?.why;
  if (!cell) return undefined;
  const value = template
    .trim()
    .replace(/^why\s*:\s*/i, '')
    .replace(/\s*\r?\n\s*/g, ' ');
  return { title: 'Fill the Why cell', edits: [{ range: [cell.start, cell.end], text: ` ${value} ` }] };
}

export default defineRule({
  meta: {
    id: 'roadmap-item-why',
    role: 'pm',
    artifacts: ['roadmap', 'roadmap-item'],
    severity: 'warning',
    description: 'A roadmap item does not say why it is on the roadmap: no reason, problem or opportunity.',
    rationale:
      'A roadmap is a set of bets; the Product Manager defends and re-orders them by their reasons, and an item without one is a feature promise.',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    const items = ctx.model.roadmap?.items ?? [];
    // An outcome metric says what should change, not why it matters; a horizon says when.
    const lacking = items.filter(
      (item) => !item.fields.why && !CUE.test(textWithout(item, ['outcome', 'horizon'])) && !explainsItself(item),
    );
    const plan = reportPlan(items, lacking);
    if (plan.summary) {
      ctx.report({
        artifact: 'roadmap',
        span: plan.summary.title,
        message: `${lacking.length} of the ${items.length} roadmap items do not say why: give each a "Why:" line`,
      });
    }
    for (const item of plan.each) {
      ctx.report({
        artifact: 'roadmap-item',
        span: item.title,
        message: item.emptyCells?.why
          ? 'Roadmap item does not say why: fill its Why cell with the reason it matters now'
          : 'Roadmap item does not say why: add a "Why:" with the reason it matters now',
        fix: item.insert ? insertionFix('Add a Why line', item.insert, ctx.template()) : cellFix(item, ctx.template()),
      });
    }
  },
});
