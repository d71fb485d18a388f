import { defineRule } from '../../../src/core/rule-api';
import { checkMissingSection } from '../_shared/sections';
import docs from './README.md';
import template from './template.md';

export default defineRule({
  meta: {
    id: 'prd-success-metrics',
    role: 'pm',
    artifacts: ['prd'],
    severity: 'warning',
    description: 'A PRD has no success metrics: nothing says how we will know it worked.',
    rationale: 'Success metrics turn the problem into a target the Product Manager can check after launch; without them, shipping becomes the only measure of success.',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    checkMissingSection(ctx, {
      artifact: 'prd',
      kinds: ['metrics'],
      where: 'anywhere',
      fixTitle: 'Add a Success metrics section',
      message:
        'This PRD does not say how success will be measured. Without metrics, nobody can tell after launch whether the problem was solved, and "shipped" becomes the goal; add a "Success metrics" section with a baseline and a target for each metric.',
    });
  },
});
