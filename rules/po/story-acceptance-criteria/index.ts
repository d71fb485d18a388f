import { insertionFix } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import type { InsertPoint, Story } from '../../../src/core/rule-api';
import { documentStyle, styledTemplate } from './style';
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
    rationale:
      'Acceptance criteria are how the Product Owner and the team agree when a story is done; without them it cannot be estimated, tested or accepted.',
    fixable: true,
  },
  docs,
  templates: { default: template, 'list-item': listItemTemplate },
  check(ctx) {
    const checked = ctx.model.stories.filter(
      (s) => s.parent && CHECKED_PARENTS.has(s.parent) && s.statement.template !== 'invalid',
    );
    const missing = checked.filter((s) => !s.acceptanceCriteria);
    // When no story has criteria, the backlog keeps them elsewhere or not at all: one finding says so, not one per story.
    const none = missing.length >= MANY && missing.length === checked.length;
    /** The document's own criteria style, unless the config sets the template. */
    const templateFor = (story: Story, at: InsertPoint): [InsertPoint, string] => {
      const name = story.container === 'list-item' ? 'list-item' : 'default';
      const configured =
        ctx.config.templates[name === 'default' ? 'story-acceptance-criteria' : `story-acceptance-criteria.${name}`] !==
        undefined;
      const style = configured ? null : documentStyle(ctx.doc.text, ctx.model.stories, story);
      if (!style) return [at, ctx.template(name)];
      const depth = /^(#{1,6})\s/.exec(style.label ?? '')?.[1]?.length;
      return [depth ? { ...at, headingDepth: depth } : at, styledTemplate(style, name === 'default')];
    };
    for (const story of none ? missing.slice(0, 1) : missing) {
      const at = story.acceptanceCriteriaInsert;
      ctx.report({
        artifact: 'story',
        span: story.statement.span,
        message: none
          ? `None of the ${missing.length} stories has acceptance criteria: add some to each, starting here`
          : 'Story has no acceptance criteria: add a few "Given … when … then …" criteria',
        fix: at ? insertionFix('Add acceptance criteria template', ...templateFor(story, at)) : undefined,
      });
    }
  },
});
