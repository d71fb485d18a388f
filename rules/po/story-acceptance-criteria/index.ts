import { insertionFix } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import docs from './README.md';
import template from './template.md';
import listItemTemplate from './template.list-item.md';

/** Stories quoted in PRDs, epics or business cases illustrate the need; only backlog stories get criteria. */
const CHECKED_PARENTS = new Set(['story', 'backlog']);
/** From this many stories on, a file where none has criteria gets one finding instead of one per story. */
const MANY = 3;

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
    const checked = ctx.model.stories.filter((s) => s.parent && CHECKED_PARENTS.has(s.parent) && s.statement.template !== 'invalid');
    const missing = checked.filter((s) => !s.acceptanceCriteria);
    // When no story has criteria, the backlog keeps them elsewhere or not at all: one finding says so, not one per story.
    const none = missing.length >= MANY && missing.length === checked.length;
    for (const story of none ? missing.slice(0, 1) : missing) {
      const at = story.acceptanceCriteriaInsert;
      ctx.report({
        artifact: 'story',
        span: story.statement.span,
        message: none
          ? `None of the ${missing.length} stories in this file has acceptance criteria. The team needs them to know when each story is done and to test it; add a few "Given … when … then …" criteria under each story, starting with this one.`
          : 'This story has no acceptance criteria. The team needs them to know when the story is done and to test it; add a few "Given … when … then …" criteria under the story.',
        fix: at
          ? insertionFix('Add acceptance criteria template', at, ctx.template(story.container === 'list-item' ? 'list-item' : 'default'))
          : undefined,
      });
    }
  },
});
