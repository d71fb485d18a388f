import type { Criterion } from '../../../src/core/rule-api';
import type { Span } from '../../../src/core/rule-api';
import { memoByText } from '../../../src/core/rule-api';
import { defineRule, termAlternation } from '../../../src/core/rule-api';
import { backlogStories, inEnglish } from '../_lib/stories';
import docs from './README.md';
import ambiguous from '../../common/ambiguous-language/terms.json';
import words from './words.json';
import { quote } from '../../_lib/message';

function termKey(term: string): string {
  return term.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
}

/** Longest first, so "easy to use" wins over "easy"; word edges so "good" does not match "goods". */
const VAGUE = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${termAlternation(words.vague)})(?![\\p{L}\\p{N}-])`, 'giu');
/** Words the common ambiguous-language rule reports anywhere, criteria included. */
const SHARED = new Set(ambiguous.groups.flatMap((g) => g.words).map((w) => termKey(w)));
const OUTCOME_WORDS = new Set(words.outcomes);
/** A number, a quoted message, or a past participle ("is archived") also names something checkable. */
const CHECKABLE = /\d|["“”‘’'][^"“”‘’']+["“”‘’']|`[^`]+`|\p{L}{3,}ed(?![\p{L}])/u;

/**
 * The first vague term in a criterion's text (offset and term), leaving out those ambiguous-language
 * already reports when it runs. Memoised by text: the editor checks the same criteria on every keystroke.
 */
const firstVague = memoByText(
  ({ text, skipShared }: { text: string; skipShared: boolean }) => `${skipShared ? 1 : 0}${text}`,
  ({ text, skipShared }: { text: string; skipShared: boolean }): { index: number; term: string } | null => {
    VAGUE.lastIndex = 0;
    for (let m = VAGUE.exec(text); m; m = VAGUE.exec(text)) {
      if (!(skipShared && SHARED.has(termKey(m[0])))) return { index: m.index, term: m[0] };
    }
    return null;
  },
);

function vagueTerm(c: Criterion, skipShared: boolean): Span | null {
  const hit = firstVague({ text: c.span.text, skipShared });
  if (!hit) return null;
  const start = c.span.start + hit.index;
  return { start, end: start + hit.term.length, text: hit.term };
}

const namesOutcome = memoByText(
  (text: string) => text,
  (text: string): boolean =>
    CHECKABLE.test(text) || (text.toLowerCase().match(/[\p{L}']+/gu) ?? []).some((w) => OUTCOME_WORDS.has(w)),
);

function hasOutcome(c: Criterion): boolean {
  return c.gherkin || namesOutcome(c.span.text);
}

export default defineRule({
  meta: {
    id: 'acceptance-criteria-testable',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'warning',
    description:
      'An acceptance criterion states no observable outcome, or uses a vague term ("fast", "user-friendly", "etc.").',
    rationale:
      'Acceptance criteria are the test the story must pass; a criterion nobody can check leaves "done" to opinion at the review.',
    fixable: false,
    scope: 'section',
  },
  docs,
  check(ctx) {
    const skipShared = ctx.config.rules['ambiguous-language']?.severity !== 'off';
    // The vague and outcome words are English: criteria of stories in other languages are not judged.
    for (const story of backlogStories(ctx.model).filter(inEnglish)) {
      for (const criterion of story.acceptanceCriteria?.criteria ?? []) {
        const vague = vagueTerm(criterion, skipShared);
        if (vague) {
          ctx.report({
            artifact: 'story',
            span: vague,
            message: `${quote(vague.text, 28)} cannot be tested: state a number or a visible result instead`,
            rationale:
              'Two people will judge a vague word differently at the review; "loads in under 2 seconds" is checked the same by everyone.',
          });
        } else if (!hasOutcome(criterion)) {
          ctx.report({
            artifact: 'story',
            span: criterion.span,
            message: 'No observable result: say what the user sees or gets ("then <result>", a number)',
            rationale: 'A criterion without an observable result cannot be checked: nobody can say it passed.',
          });
        }
      }
    }
  },
});
