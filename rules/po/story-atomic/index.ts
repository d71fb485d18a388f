import type { Span } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { inEnglish, wellFormedStories } from '../_lib/stories';
import docs from './README.md';
import lexicon from './verbs.json';
import { quote } from '../../_lib/message';

const VERBS = new Set(lexicon.verbs);
const AMBIGUOUS = new Set(lexicon.ambiguous);
/** What can follow a verb that is also a noun and still show it is a verb: an object or a preposition. */
const OBJECT_START = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'your',
  'their',
  'his',
  'her',
  'its',
  'it',
  'them',
  'him',
  'me',
  'us',
  'this',
  'that',
  'these',
  'those',
  'all',
  'any',
  'each',
  'every',
  'some',
  'new',
  'for',
  'to',
  'with',
  'by',
  'on',
  'in',
  'into',
  'from',
  'about',
  'up',
  'out',
  'off',
  'back',
  'through',
  'via',
]);
/** Where a verb can stand at the head of a feature: the start of the goal, or after "to" or a modal (an adverb may come between). */
const VERB_SLOT = new Set(['to', 'can', 'could', 'will', 'should', 'must', 'and', 'or']);
/** "help me find", "let users compare": the verb after the person helped heads the action. */
const CAUSATIVE = new Set(['help', 'helps', 'let', 'lets']);
const PERSON = new Set(['me', 'us', 'them', 'him', 'her', 'users', 'people', 'everyone']);
const CONJUNCTIONS = new Set(['and', 'or', '&', 'and/or', 'as well as', ',']);
/** Words that may sit between a conjunction and its verb ("and then share", "or also print", "and can reuse"). */
const FILLER = new Set(['then', 'also', 'later', 'even', 'maybe', 'to', 'can', 'could', 'will', 'should', 'must']);

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/as\s+well\s+as|and\/or|[\p{L}][\p{L}'’-]*|&|,/giu)) {
    out.push({ text: m[0].toLowerCase().replace(/\s+/g, ' '), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** A verb in base form: in the list, or built with a verb suffix ("prioritize", "simplify"). */
function isVerb(word: string): boolean {
  return VERBS.has(word) || (word.length > 6 && /(?:ize|ify)$/.test(word));
}

/** A manner adverb that can stand before a verb ("easily edit", "and quickly share"); "apply" and "reply" are verbs. */
function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly') && !isVerb(word);
}

/**
 * The conjunction that joins two features, if any: it must be followed by a verb that heads its own
 * action, and a verb must head the goal before it ("upload and share photos", "log in or register").
 * "search by name and date" and "terms and conditions" join nouns, not actions, and are left alone.
 */
function featureJoin(means: string): { conj: Token; verb: Token } | null {
  const tokens = tokenize(means);
  const text = (i: number): string | undefined => tokens[i]?.text;
  const slotVerb = (i: number): boolean => {
    if (!isVerb(text(i) as string)) return false;
    let k = i - 1;
    if (isAdverb(text(k) ?? '')) k--;
    if (k < 0) return true;
    const prev = text(k) as string;
    return VERB_SLOT.has(prev) || (PERSON.has(prev) && CAUSATIVE.has(text(k - 1) ?? ''));
  };
  let seenVerb = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!CONJUNCTIONS.has(t.text)) {
      if (slotVerb(i)) seenVerb = true;
      continue;
    }
    if (!seenVerb) continue;
    let j = i + 1;
    while (j < tokens.length && (FILLER.has(text(j) as string) || isAdverb(text(j) as string))) j++;
    const next = tokens[j];
    if (!next || !isVerb(next.text)) continue;
    const after = text(j + 1);
    // Two verbs sharing one object ("create and update records") are both verbs, whatever else they can be.
    const sharedObject = i > 0 && slotVerb(i - 1) && j === i + 1;
    if (AMBIGUOUS.has(next.text) && !sharedObject && !(after && OBJECT_START.has(after))) continue;
    // A comma only joins features in a list of actions ("create, edit and delete"), checked by the verb after it.
    if (t.text === ',' && !(after && (CONJUNCTIONS.has(after) || OBJECT_START.has(after) || isVerb(after)))) continue;
    return { conj: t, verb: next };
  }
  return null;
}

export default defineRule({
  meta: {
    id: 'story-atomic',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'warning',
    description: 'A user story asks for more than one feature ("upload and share photos").',
    rationale:
      'One story per feature lets the Product Owner order each feature by its own value and the team estimate, build and accept it on its own.',
    fixable: false,
    scope: 'section',
  },
  docs,
  check(ctx) {
    // The verb list is English: stories in other languages are not judged.
    for (const story of wellFormedStories(ctx.model).filter(inEnglish)) {
      const means = story.statement.means;
      if (!means) continue;
      const join = featureJoin(means.text);
      if (!join) continue;
      const span: Span = { start: means.start + join.conj.start, end: means.start + join.verb.end, text: '' };
      span.text = ctx.doc.text.slice(span.start, span.end);
      ctx.report({
        artifact: 'story',
        span,
        message: `More than one feature: ${quote(span.text.replace(/^,\s*/, ''))} starts another; split the story`,
      });
    }
  },
});
