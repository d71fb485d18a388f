import type { Span } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { benefitSentence, inEnglish, wellFormedStories } from '../_lib/stories';
import docs from './README.md';
import { quote } from '../../_lib/message';

/**
 * A bracketed aside: "( … )" or "[ … ]" without nested brackets. Markdown links ("[text](url)",
 * "[text][ref]"), checkboxes and plural markers ("file(s)") are not asides and are skipped below.
 */
const BRACKETS = /\([^()\n]*\)|\[[^[\]\n]*\]/g;
const EXAMPLE = /(?<![\p{L}])(?:e\.\s?g\.|i\.\s?e\.|for example|for instance|such as)(?![\p{L}])/giu;

function asides(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  BRACKETS.lastIndex = 0;
  for (let m = BRACKETS.exec(text); m; m = BRACKETS.exec(text)) {
    const after = text[m.index + m[0].length];
    const isLinkText = m[0].startsWith('[') && (after === '(' || after === '[');
    const isLinkTarget = m[0].startsWith('(') && text[m.index - 1] === ']';
    const isCheckbox = /^\[[ xX]?\]$/.test(m[0]);
    // "file(s)", "(re-)use": a bracket glued to a word marks a word form, not an aside.
    const isWordPart =
      (/^\((?:s|es)\)$/i.test(m[0]) && /\p{L}/u.test(text[m.index - 1] ?? '')) ||
      (/-\)$/.test(m[0]) && /\p{L}/u.test(text[m.index + m[0].length] ?? ''));
    if (!isLinkText && !isLinkTarget && !isCheckbox && !isWordPart) out.push(m);
  }
  return out;
}

function at(base: Span, m: RegExpExecArray): Span {
  const start = base.start + m.index;
  return { start, end: start + m[0].length, text: m[0] };
}

export default defineRule({
  meta: {
    id: 'story-minimal',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'info',
    description:
      'A user story statement carries more than role, goal and benefit: a bracketed aside, an example, or extra sentences.',
    rationale:
      'A statement the team can read at a glance is easier to order, estimate and split; details belong in the acceptance criteria or notes.',
    fixable: false,
    scope: 'section',
  },
  docs,
  check(ctx) {
    // Examples, abbreviations and sentence ends are read with English words: other languages are not judged.
    for (const story of wellFormedStories(ctx.model).filter(inEnglish)) {
      const st = story.statement;
      const bracket = asides(st.span.text)[0];
      if (bracket) {
        ctx.report({
          artifact: 'story',
          span: at(st.span, bracket),
          message: `Bracketed aside ${quote(bracket[0])} in the story: move it to the criteria or a note`,
          rationale: 'Asides make the statement harder to read and often hide a detail the team must agree on.',
        });
      }
      EXAMPLE.lastIndex = 0;
      const example = EXAMPLE.exec(st.span.text);
      if (example) {
        ctx.report({
          artifact: 'story',
          span: at(st.span, example),
          message: `Examples in the story (${quote(example[0])}): turn them into acceptance criteria`,
          rationale:
            'Examples in the statement blur what is in scope; the statement says who, what and why, the criteria give the cases.',
        });
      }
      if (st.trailing) {
        ctx.report({
          artifact: 'story',
          span: st.trailing,
          message: benefitSentence(st.trailing.text)
            ? 'A period cuts the benefit off the story: join the two parts with a comma'
            : 'More sentences follow the story statement: move them to the criteria or a note',
          rationale: benefitSentence(st.trailing.text)
            ? 'Read as one sentence, who, what and why stay together.'
            : 'A story is one statement of who, what and why, so it reads at a glance.',
        });
      }
    }
  },
});
