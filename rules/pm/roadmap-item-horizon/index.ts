import { insertionFix } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import docs from './README.md';
import template from './template.md';
import { reportPlan } from '../_lib/roadmap';

/** A horizon written into the title: "Q3: SSO", "SSO (Next)", "SSO [2027]". */
const TITLE_HORIZON = /\b(?:q[1-4]|h[12])\b|\b20\d{2}\b|[([](?:now|next|later)[)\]]/i;

export default defineRule({
  meta: {
    id: 'roadmap-item-horizon',
    role: 'pm',
    artifacts: ['roadmap', 'roadmap-item'],
    severity: 'warning',
    description: 'A roadmap item has no horizon: no Now/Next/Later, quarter or date.',
    rationale:
      'The horizon is how the Product Manager tells stakeholders what is committed, what is likely and what is only an idea; without it every item reads as a promise for now.',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    const items = ctx.model.roadmap?.items ?? [];
    const lacking = items.filter(
      (item) => !item.fields.horizon && !item.inheritedHorizon && !TITLE_HORIZON.test(item.title.text),
    );
    const plan = reportPlan(items, lacking);
    if (plan.summary) {
      ctx.report({
        artifact: 'roadmap',
        span: plan.summary.title,
        message: `${lacking.length} of the ${items.length} roadmap items have no horizon: group them under Now / Next / Later`,
      });
    }
    for (const item of plan.each) {
      ctx.report({
        artifact: 'roadmap-item',
        span: item.title,
        message: 'Roadmap item has no horizon: put it under Now / Next / Later or add "Horizon:"',
        fix: item.insert ? insertionFix('Add a Horizon line', item.insert, ctx.template()) : undefined,
      });
    }
  },
});
