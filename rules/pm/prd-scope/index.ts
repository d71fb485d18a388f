import { defineRule } from '../../../src/core/rule-api';
import { checkMissingSection } from '../_shared/sections';
import docs from './README.md';
import template from './template.md';

export default defineRule({
  meta: {
    id: 'prd-scope',
    role: 'pm',
    artifacts: ['prd'],
    severity: 'warning',
    description: 'A PRD does not say what is out of scope: no non-goals.',
    rationale: 'Non-goals are how the Product Manager protects the scope; without them every reader fills the gaps with their own expectations.',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    checkMissingSection(ctx, {
      artifact: 'prd',
      kinds: ['scope'],
      where: 'anywhere',
      fixTitle: 'Add a Non-goals section',
      message:
        'This PRD does not say what it will not do. Without non-goals, stakeholders read their own wishes into it and scope grows during delivery; add a "Non-goals" (out of scope) section.',
    });
  },
});
