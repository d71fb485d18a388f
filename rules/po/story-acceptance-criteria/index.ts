import { insertionFix } from '../../../src/core/fixes';
import { defineRule } from '../../../src/core/rule';
import docs from './README.md';
import template from './template.md';
import listItemTemplate from './template.list-item.md';

/** Stories quoted in PRDs, epics or business cases illustrate the need; only backlog stories get criteria. */
const CHECKED_PARENTS = new Set(['story', 'backlog']);

export default defineRule({
  meta: {
    id: 'story-acceptance-criteria',
    role: 'po',
    artifacts: ['story', 'backlog'],
    severity: 'warning',
    description: 'A user story has no acceptance criteria.',
    rationale: 'Acceptance criteria are how the Product Owner and the team agree when a story is done; without them it cannot be estimated, tested or accepted.',
    fixable: true,
  },
  docs,
  templates: { default: template, 'list-item': listItemTemplate },
  check(ctx) {
    for (const story of ctx.model.stories) {
      if (!CHECKED_PARENTS.has(story.parent) || story.acceptanceCriteria || story.statement.template === 'invalid') continue;
      const at = story.acceptanceCriteriaInsert;
      ctx.report({
        artifact: 'story',
        span: story.statement.span,
        message:
          'This story has no acceptance criteria. The team needs them to know when the story is done and to test it; add a few "Given … when … then …" criteria under the story.',
        fix: at
          ? insertionFix('Add acceptance criteria template', at, ctx.template(story.container === 'list-item' ? 'list-item' : 'default'))
          : undefined,
      });
    }
  },
});
