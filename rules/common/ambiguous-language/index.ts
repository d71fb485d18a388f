import { z } from 'zod';
import { lineEndAt } from '../../../src/core/rule-api';
import { defineRule, termAlternation } from '../../../src/core/rule-api';
import { matchProse } from '../../_lib/prose';
import { requirementRegions } from '../_lib/regions';
import docs from './README.md';
import vocabulary from './terms.json';
import { quote } from '../../_lib/message';
import { MAX_MESSAGE_LENGTH } from '../../../src/core/rule-api';

type Category = keyof typeof vocabulary.categories;
const CATEGORIES = Object.keys(vocabulary.categories) as Category[];

interface Term {
  category: Category;
  suggest: string;
  notBefore: Set<string>;
  notAfter: Set<string>;
  reference: boolean;
  nextWord?: RegExp;
}

const normalize = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

const TERMS = new Map<string, Term>();
for (const g of vocabulary.groups) {
  const term: Term = {
    category: g.category as Category,
    suggest: g.suggest,
    notBefore: new Set(g.notBefore ?? []),
    notAfter: new Set(g.notAfter ?? []),
    reference: g.reference === true,
    nextWord: g.nextWord ? new RegExp(g.nextWord, 'u') : undefined,
  };
  for (const w of g.words) TERMS.set(normalize(w), term);
}

/** One alternation of literal terms, longest first so "as soon as possible" wins over "as". */
const TERM_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${termAlternation(TERMS.keys())})(?![\p{L}\p{N}])`, 'giu');

/**
 * A number right after the term makes it measurable ("fast: under 200 ms", "large (over 2 GB)"), and so
 * does one a word or two later when a measure word leads to it ("large files of over 1 GB");
 * "quickly see my 10 orders" stays vague.
 */
const MEASURE = String.raw`(?:within|in|under|below|less|than|more|over|above|at|least|most|up|to|by|of|about|around|approx\.?|e\.g\.,?|i\.e\.,?)\s+`;
const MEASURE_AFTER = new RegExp(String.raw`^\s*[:(–—-]?\s*(?:${MEASURE}){0,3}[<>≤≥~±]?\d`, 'i');
const MEASURE_LATER = new RegExp(
  String.raw`^\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:\(\s*)?(?:${MEASURE}){1,3}[<>≤≥~±]?\d`,
  'iu',
);
/** …and so does one right before it ("2x faster", "10% fewer"). */
const MEASURE_BEFORE = /\d(?:\s*(?:%|x|×|times|percent))?\s+$/i;
/** "faster than the current export" has its reference. */
const THAN_AFTER = /^\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}than\b/iu;
const NEXT_WORD = /^[ \t]+([\p{L}]+)/u;
const PREV_WORD = /([\p{L}]+)[ \t]+$/u;
const PREV_CHAR = /(\S)\s*$/u;
/** A quoted string on one line ("the "quick add" button", “…”, ‘…’): a name or someone's words. */
const QUOTE_RE = /"[^"\n]{1,200}"|“[^”\n]{1,200}”|‘[^’\n]{1,200}’|«[^»\n]{1,200}»|„[^“”\n]{1,200}[“”]/gu;
/**
 * A benefit clause ("so that I can easily find products") is the motivation, not what gets built and
 * tested; the regions leave out the benefits of the stories the model found, and this finds them in the
 * lines it did not read as stories ("to be alerted, so that I can fix it quickly"): from the marker to
 * the end of its sentence. A line break right after the marker counts as one space whichever it is (LF,
 * CRLF or CR), and the clause stops at the next one, so line endings never change what is skipped.
 */
const BENEFIT_BEFORE =
  /(?:^|[^\p{L}])(?:so\s+that|so\s+(?:i|we|they|you|users?|the\s+\p{L}+)\s+(?:can|could|will|may|do\s+not|don't)|in\s+order\s+to)(?:\r\n|\s)[^.!?;\r\n]*$/iu;
/** "8.6 (HIGH)", "Priority: low": a value in a data field, not a quality claimed in prose. */
const DATA_BEFORE = /(?:\d\s*\(\s*|(?:priority|severity|impact|likelihood|effort|risk|confidence)\s*[:=(]\s*)$/i;
/** "simpler.grants.gov", "fast_path", "quick/slow": part of a domain, identifier or path. */
const IDENT_AFTER = /^[._/@][\p{L}\p{N}]/u;
const IDENT_BEFORE = /[._/@\\]$/;

/** The segment around an offset (a table cell or a line) has at least two words and every word of four letters or more is capitalised. */
function titleCase(text: string, at: number, region: { start: number; end: number }): boolean {
  const from = Math.max(region.start, text.lastIndexOf('\n', at) + 1, text.lastIndexOf('|', at) + 1);
  let to = text.indexOf('\n', at);
  const bar = text.indexOf('|', at);
  if (to === -1 || to > region.end) to = region.end;
  if (bar !== -1 && bar < to) to = bar;
  const words = text.slice(from, to).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length >= 4);
  return words.length >= 2 && long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** The offset sits on an ATX heading line of at most four words. */
function shortHeading(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const m = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(text.slice(from, lineEndAt(text, at)));
  return m !== null && (m[1]?.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length <= 4;
}

const optionsSchema = z.object({
  /** Terms to accept, added to the config's `allowWords`. */
  allow: z.array(z.string()).default([]),
  /** Categories to report; all are on unless turned off. */
  categories: z.partialRecord(z.enum(CATEGORIES as [Category, ...Category[]]), z.boolean()).default({}),
});

export default defineRule({
  meta: {
    id: 'ambiguous-language',
    role: 'common',
    artifacts: ['story', 'backlog', 'prd', 'epic', 'business-case', 'roadmap', 'roadmap-item'],
    severity: 'warning',
    description:
      'Vague, subjective, loophole or open-ended words in stories, acceptance criteria, PRD sections and roadmap items.',
    rationale:
      'A requirement the team cannot test is a requirement each reader fills in differently: "fast", "easy" or "as needed" hide the decision the Product Owner or Product Manager still has to make.',
    fixable: false,
    scope: 'section',
  },
  docs,
  options: optionsSchema,
  check(ctx) {
    const text = ctx.doc.text;
    const allow = [...ctx.options.allow, ...ctx.config.allowWords].map(normalize);
    /** An allowed word, or an allowed phrase ("quick filter") that covers the term. */
    const allowed = (start: number, end: number): boolean =>
      allow.some((a) => {
        if (a === normalize(text.slice(start, end))) return true;
        const from = Math.max(0, start - a.length);
        const window = text.slice(from, end + a.length).toLowerCase();
        for (let i = window.indexOf(a); i !== -1; i = window.indexOf(a, i + 1)) {
          if (from + i <= start && from + i + a.length >= end) return true;
        }
        return false;
      });
    const seen = new Set<number>();
    for (const region of requirementRegions(ctx.doc, ctx.model)) {
      let quotes: { start: number; end: number }[] | undefined;
      const quoted = (at: number): boolean => {
        quotes ??= [...matchProse(ctx.doc, [region], QUOTE_RE)];
        return quotes.some((q) => at > q.start && at < q.end);
      };
      for (const { match, start, end } of matchProse(ctx.doc, [region], TERM_RE)) {
        if (seen.has(start)) continue;
        seen.add(start);
        const word = match[0];
        const term = TERMS.get(normalize(word)) as Term;
        if (ctx.options.categories[term.category] === false) continue;
        if (BENEFIT_BEFORE.test(text.slice(Math.max(region.start, start - 300), start))) continue;
        const before = text.slice(Math.max(region.start, start - 40), start);
        const after = text.slice(end, Math.min(region.end, end + 60));
        // "fast-forward", "quick-start": part of another word; "simpler.app": part of a name.
        if (before.endsWith('-') || /^-\p{L}/u.test(after) || IDENT_AFTER.test(after) || IDENT_BEFORE.test(before))
          continue;
        // "HIGH", "LOW": an enumerated value or a label, not a claim.
        if (word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) continue;
        // A table cell holding nothing but the term ("| High |") is a value in a column.
        if (/\|[ \t]*$/.test(before) && /^[ \t]*\|/.test(after)) continue;
        if (DATA_BEFORE.test(before) || quoted(start)) continue;
        // A short heading ("### Large files") names a topic; the item's text under it says what is asked.
        if (shortHeading(text, start)) continue;
        // "(Word, Excel, images, etc.)": examples in parentheses, not a list the requirement leaves open.
        if (term.category === 'open-ended' && /\([^()\n]*$/.test(before) && /^[^()\n]*\)/.test(after)) continue;
        // "Quick Filter" in mid-sentence is a name, not a quality; so is "Good Government", and a cell or
        // line in Title Case ("Optimized Scalability & Performance").
        const prevChar = PREV_CHAR.exec(before)?.[1];
        if (/^\p{Lu}/u.test(word) && prevChar !== undefined && /[\p{L}\p{N},;&]/u.test(prevChar)) continue;
        if (/^\p{Lu}/u.test(word) && titleCase(text, start, region)) continue;
        const next = NEXT_WORD.exec(after)?.[1]?.toLowerCase();
        const prev = PREV_WORD.exec(before)?.[1]?.toLowerCase();
        // "how fast", "how many": a question about the quality, not a claim of it.
        if ((next && term.notBefore.has(next)) || (prev && (term.notAfter.has(prev) || prev === 'how'))) continue;
        if (term.nextWord && !term.nextWord.test(next ?? '')) continue;
        if (term.reference && THAN_AFTER.test(after)) continue;
        if (MEASURE_AFTER.test(after) || MEASURE_LATER.test(after) || MEASURE_BEFORE.test(before)) continue;
        if (allowed(start, end)) continue;
        ctx.report({ artifact: region.artifact, span: { start, end }, ...explain(word, term.category, term.suggest) });
      }
    }
  },
});

/** "fast" is vague: say how fast (e.g. 'within 2 seconds'); an example that does not fit the row moves to the rationale. */
function explain(word: string, category: Category, suggest: string): { message: string; rationale: string } {
  const { label, why } = vocabulary.categories[category];
  const [advice, example] = suggest.split(/[,:]?\s+e\.g\.\s*/);
  const short = `${quote(word)} is ${label}: ${advice}`;
  const full = example ? `${short} (e.g. ${example})` : short;
  if (full.length <= MAX_MESSAGE_LENGTH) return { message: full, rationale: why };
  return { message: short, rationale: `${why} For example: ${example}.` };
}
