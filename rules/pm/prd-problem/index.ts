import { defineRule } from '../../../src/core/rule-api';
import { checkMissingSection } from '../_shared/sections';
import docs from './README.md';
import template from './template.md';

export default defineRule({
  meta: {
    id: 'prd-problem',
    role: 'pm',
    artifacts: ['prd'],
    severity: 'warning',
    description: 'A PRD does not state the problem it solves or why it matters.',
    rationale: 'The problem is what the Product Manager and stakeholders judge every requirement, trade-off and metric against; without it the PRD is a list of features.',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    checkMissingSection(ctx, {
      artifact: 'prd',
      kinds: ['problem'],
      where: 'opening',
      fixTitle: 'Add a Problem section',
      message:
        'This PRD does not say what problem it solves or why it matters now. Without the problem, nobody can judge whether a requirement, a trade-off or a metric is the right one; add a "Problem" section (or a "**Problem:** …" line in the summary).',
    });
  },
});
