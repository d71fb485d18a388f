import type { Story } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { isPlaceholderStatement } from '../../../src/core/rule-api';
import { backlogStories } from '../_lib/stories';
import { quote } from '../../_lib/message';
import docs from './README.md';

/** Roles that name nobody: an article or pronoun left where the role should be. Template slots ("<role>", "…") are the placeholder rule's: one finding per problem. */
const EMPTY_ROLE = /^(?:an?|the|i|me|we|you|someone|somebody|role)$/i;
const CONNEXTRA_ATTEMPT = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\S+\s*[:\-–—|]\s*)?[*_]*as\s+(?:an?|the)\b/i;
const WHO = 'The team needs to know who the story is for to judge the right behaviour.';
const WHAT = 'Without the goal the team cannot tell what to build.';
/** "As a <role> I want <goal>" split loosely, to tell which part an attempt lacks. */
const PARTS = /\bas\s+(?:an?|the)\b(.*?)\bi\s+(?:want|need|would\s+like|wish|can|should\s+be\s+able)\b(.*)$/is;

/** The job-story form, offered beside Connextra where the whole statement is missing. */
const JOB_FORM = 'A job story works too: "When <situation>, I want to <motivation>, so I can <outcome>".';

interface Problem {
  message: string;
  rationale?: string;
}

/** What part of the story template is missing, in the author's words. */
function problem(story: Story): Problem | null {
  const st = story.statement;
  if (st.template !== 'invalid') {
    if (st.template === 'connextra' && st.role && EMPTY_ROLE.test(st.role.text.trim())) {
      return { message: `Role ${quote(st.role.text)} names nobody: name the user or persona`, rationale: WHO };
    }
    return null;
  }
  // "Como ..., eu quero ...": a template left to fill in is the placeholder rule's, not a story to rewrite.
  if (isPlaceholderStatement(st.span.text)) return null;
  if (story.container === 'document' && !CONNEXTRA_ATTEMPT.test(st.span.text)) {
    return {
      message: 'No story statement: write "As a <role>, I want <goal>, so that <benefit>"',
      rationale: `Without "who wants what" the team cannot tell what to build or for whom. ${JOB_FORM}`,
    };
  }
  if (st.role && !st.means) {
    return {
      message: `Says who (${quote(st.role.text, 24)}) but not what they want: add "I want <goal>"`,
      rationale: WHAT,
    };
  }
  if (CONNEXTRA_ATTEMPT.test(st.span.text)) {
    const parts = PARTS.exec(st.span.text);
    const role = parts?.[1]?.replace(/[\s,;:*_]+/g, ' ').trim() ?? '';
    if (parts && (role === '' || EMPTY_ROLE.test(role))) {
      return { message: 'No role between "As a" and "I want": name the user or persona', rationale: WHO };
    }
    if (parts) {
      return { message: '"I want" has no goal: complete "I want <goal>"', rationale: WHAT };
    }
    return { message: 'No "I want …" part: add "I want <goal>"', rationale: WHAT };
  }
  return {
    message: 'Not a user story: write "As a <role>, I want <goal>, so that <benefit>"',
    rationale: `The Product Owner orders and the team estimates needs, not notes: a story says who wants what. ${JOB_FORM}`,
  };
}

export default defineRule({
  meta: {
    id: 'story-format',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'error',
    description:
      'A backlog item or story file is not a recognised user story (role and goal), or a part of the template is missing.',
    rationale:
      'A story must say who needs what; without the role and the goal the Product Owner cannot order it and the team cannot build or test it.',
    fixable: false,
    scope: 'section',
  },
  docs,
  check(ctx) {
    for (const story of backlogStories(ctx.model)) {
      const found = problem(story);
      if (!found) continue;
      const st = story.statement;
      const span = st.template !== 'invalid' && st.role ? st.role : st.span;
      ctx.report({ artifact: 'story', span, ...found });
    }
  },
});
