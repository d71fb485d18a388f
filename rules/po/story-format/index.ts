import type { Story } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { isPlaceholderStatement } from '../../../src/core/rule-api';
import { backlogStories } from '../_shared/stories';
import docs from './README.md';

/** Roles that name nobody: an article or pronoun left where the role should be. Template slots ("<role>", "…") are the placeholder rule's: one finding per problem. */
const EMPTY_ROLE = /^(?:an?|the|i|me|we|you|someone|somebody|role)$/i;
const CONNEXTRA_ATTEMPT = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\S+\s*[:\-–—|]\s*)?[*_]*as\s+(?:an?|the)\b/i;
/** "As a <role> I want <goal>" split loosely, to tell which part an attempt lacks. */
const PARTS = /\bas\s+(?:an?|the)\b(.*?)\bi\s+(?:want|need|would\s+like|wish|can|should\s+be\s+able)\b(.*)$/is;

const ADVICE = 'Write it as "As a <role>, I want <goal>, so that <benefit>" (or "When <situation>, I want to <motivation>, so I can <outcome>").';

/** What part of the story template is missing, in the author's words. */
function problem(story: Story): string | null {
  const st = story.statement;
  if (st.template !== 'invalid') {
    if (st.template === 'connextra' && st.role && EMPTY_ROLE.test(st.role.text.trim())) {
      return `The story's role is "${st.role.text}", which names nobody. The team needs to know who the story is for to judge the right behaviour; name the user or persona.`;
    }
    return null;
  }
  // "Como ..., eu quero ...": a template left to fill in is the placeholder rule's, not a story to rewrite.
  if (isPlaceholderStatement(st.span.text)) return null;
  if (story.container === 'document' && !CONNEXTRA_ATTEMPT.test(st.span.text)) {
    return `This story file has no story statement. Without "who wants what" the team cannot tell what to build or for whom. ${ADVICE}`;
  }
  if (st.role && !st.means) {
    return `The story says who it is for ("${st.role.text}") but not what they want. Without the goal the team cannot tell what to build; add "I want <goal>".`;
  }
  if (CONNEXTRA_ATTEMPT.test(st.span.text)) {
    const parts = PARTS.exec(st.span.text);
    const role = parts?.[1]?.replace(/[\s,;:*_]+/g, ' ').trim() ?? '';
    if (parts && (role === '' || EMPTY_ROLE.test(role))) {
      return `The story has no role: nothing names who wants this between "As a" and "I want". The team needs the user to judge the right behaviour; name the user or persona.`;
    }
    if (parts) {
      return `The story says "I want" but not what: the goal is missing. Without it the team cannot tell what to build; complete "I want <goal>".`;
    }
    return `The story has no "I want …" part, so it does not say what the user wants. The team needs the goal to know what to build; add "I want <goal>".`;
  }
  return `This backlog item is not written as a user story: it does not say who wants what. The Product Owner orders and the team estimates needs, not notes. ${ADVICE}`;
}

export default defineRule({
  meta: {
    id: 'story-format',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'error',
    description: 'A backlog item or story file is not a recognised user story (role and goal), or a part of the template is missing.',
    rationale: 'A story must say who needs what; without the role and the goal the Product Owner cannot order it and the team cannot build or test it.',
    fixable: false,
    scope: 'section',
  },
  docs,
  check(ctx) {
    for (const story of backlogStories(ctx.model)) {
      const message = problem(story);
      if (!message) continue;
      const st = story.statement;
      const span = st.template !== 'invalid' && st.role ? st.role : st.span;
      ctx.report({ artifact: 'story', span, message });
    }
  },
});
