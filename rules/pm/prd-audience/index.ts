import { normalizeLabel } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { checkMissingSection } from '../_shared/sections';
import docs from './README.md';
import storySections from './story-sections.json';
import template from './template.md';

export default defineRule({
  meta: {
    id: 'prd-audience',
    role: 'pm',
    artifacts: ['prd'],
    severity: 'warning',
    description: 'A PRD does not say who it is for: no target users, personas or segment.',
    rationale: 'The Product Manager decides for a specific audience; without one, design, scope and metrics drift towards "everyone".',
    fixable: true,
  },
  docs,
  templates: { default: template },
  check(ctx) {
    checkMissingSection(ctx, {
      artifact: 'prd',
      kinds: ['audience'],
      where: 'anywhere',
      // "As a warehouse manager, I want …" or a User stories section names the users as well as a Target users section does.
      alsoStated: (c) =>
        c.model.stories.some((s) => s.statement.template === 'connextra' && s.statement.role) ||
        (c.model.sectioned?.sections ?? []).some((s) => storySections.titles.includes(normalizeLabel(s.title).replace(/\s*\(optional\)$/, '')) && s.body.text.trim() !== ''),
      fixTitle: 'Add a Target users section',
      message:
        'This PRD does not say who it is for. Without a named audience, design and scope decisions drift towards "everyone" and nobody can check the result with real users; add a "Target users" section naming the primary users or personas.',
    });
  },
});
