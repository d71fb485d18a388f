import { defineRule } from '../../../src/core/rule-api';
import { benefitSentence, wellFormedStories } from '../_lib/stories';
import docs from './README.md';
import template from './template.md';
import jobTemplate from './template.job.md';

/** From this many stories on, a file where none says why gets one finding instead of one per story. */
const MANY = 3;

export default defineRule({
  meta: {
    id: 'story-benefit',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'warning',
    description: 'A user story does not say why: no "so that …" (or "so I can …") benefit.',
    rationale:
      'The benefit is what the Product Owner orders the backlog by and what lets the team find a simpler way to the same value.',
    fixable: true,
  },
  docs,
  templates: { default: template, job: jobTemplate },
  check(ctx) {
    const stories = wellFormedStories(ctx.model);
    // "… my cart. So that I can …": the benefit is there, cut off by a period (story-minimal reports that).
    const missing = stories.filter(
      ({ statement }) =>
        statement.means && !statement.ends && !(statement.trailing && benefitSentence(statement.trailing.text)),
    );
    // When no story says why, the file's template lacks the benefit: one finding says so, not one per story.
    const none = missing.length >= MANY && missing.length === stories.length;
    for (const story of none ? missing.slice(0, 1) : missing) {
      const { statement } = story;
      if (!statement.means) continue;
      const job = statement.template === 'job';
      const clause = ctx.template(job ? 'job' : 'default').trim();
      const at = statement.means.end;
      ctx.report({
        artifact: 'story',
        span: statement.span,
        message: none
          ? `None of the ${missing.length} stories says why: add "so that …" to each, starting here`
          : job
            ? 'Job story without an outcome: add ", so I can <outcome>"'
            : 'Story does not say why: add ", so that <benefit>"',
        rationale:
          job && !none
            ? 'The outcome is what the story is worth: the Product Owner orders by it and the team looks for a simpler way to it.'
            : undefined,
        fix: {
          title: job ? 'Add "so I can <outcome>"' : 'Add "so that <benefit>"',
          edits: [{ range: [at, at], text: `, ${clause}` }],
        },
      });
    }
  },
});
