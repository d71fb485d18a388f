import { defineRule } from '../../../src/core/rule-api';
import { checkMissingSection } from '../_shared/sections';
import docs from './README.md';
import template from './template.md';

export default defineRule({
  meta: {
    id: 'epic-objective',
    role: 'pm',
    artifacts: ['epic'],
    severity: 'warning',
    description: 'An epic states no business objective: no goal, outcome, hypothesis or reason.',
    rationale: 'The objective is what the Product Manager weighs an epic by against the others; without it the epic is only a bucket of stories.',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    checkMissingSection(ctx, {
      artifact: 'epic',
      kinds: ['goals', 'problem'],
      where: 'anywhere',
      fixTitle: 'Add a Business objective section',
      message:
        'This epic does not say what business objective it serves. Without one it cannot be prioritised against other epics or judged when done; add a "Business objective" section (or an "**Objective:** …" line) saying what outcome it should bring and why.',
    });
  },
});
