import { defineRule } from '../../../src/core/rule-api';
import { checkMissingSection } from '../_shared/sections';
import docs from './README.md';
import template from './template.md';

export default defineRule({
  meta: {
    id: 'prd-risks',
    role: 'pm',
    artifacts: ['prd'],
    severity: 'warning',
    description: 'A PRD lists no risks, assumptions or open questions.',
    rationale: 'Naming risks and assumptions lets the Product Manager test the riskiest ones early instead of discovering them at launch.',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    checkMissingSection(ctx, {
      artifact: 'prd',
      kinds: ['risks', 'assumptions', 'questions'],
      where: 'anywhere',
      fixTitle: 'Add a Risks and open questions section',
      message:
        'This PRD names no risks, assumptions or open questions. Every plan rests on some; unwritten, they are found at launch instead of tested early; add a "Risks and open questions" section.',
    });
  },
});
