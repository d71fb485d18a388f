/** Heading sections of a document, and which named section (problem, audience, …) a heading is. */
import type { Heading, Root, RootContent } from 'mdast';
import { memoByText } from '../memo';
import type { ParsedDocument } from '../document';
import { spanOf } from '../document';
import type { Section } from '../model';
import de from '../vocab/sections/de.json';
import en from '../vocab/sections/en.json';
import es from '../vocab/sections/es.json';
import fr from '../vocab/sections/fr.json';
import nl from '../vocab/sections/nl.json';
import pt from '../vocab/sections/pt.json';
import { contentOffsets, normalizeLabel, offsets, plainText } from './text';

type Vocabulary = typeof en;
export type SectionKind = Exclude<keyof Vocabulary, '$comment' | 'modifiers'>;
interface KindWords {
  exact: string[];
  lead: string[];
  anywhere: string[];
}

const LANGUAGES: readonly Vocabulary[] = [en, nl, de, fr, es, pt];
/**
 * When a heading names several kinds, the first here is the one `sectionKind` answers: the more specific
 * noun wins ("User success metrics" is metrics, "Problem impact" is problem, "Non-target users" is scope).
 */
const PRIORITY: readonly SectionKind[] = [
  'scope',
  'metrics',
  'risks',
  'questions',
  'assumptions',
  'audience',
  'cost',
  'benefits',
  'problem',
  'goals',
  'requirements',
  'horizon',
];

/**
 * The comparable form of a heading or label: lower case, no accents, no numbering ("1)", "2.3", "(#1)"),
 * no punctuation; "non-goals" and "non target" are joined into one word so "goals" does not match inside.
 */
export function wordForm(text: string): string {
  let s = normalizeLabel(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');
  s = s.replace(/^(?:\(?#?\d+(?:\.\d+)*[.)]?\)?|[a-z][.)]|[ivxlc]+[.)])\s+/, '');
  s = s.replace(/&/g, ' and ').replace(/\b(non|nao|niet|nicht)[\s-]+(?=[a-z])/g, '$1');
  return s.replace(/[^a-z0-9+]+/g, ' ').trim();
}

/**
 * Finds which of many phrases occur in a word-form text, at word boundaries, in time linear in the
 * text's words: phrases are indexed by their first word.
 */
export function phraseMatcher<T>(entries: readonly { phrase: string; value: T }[]): (words: string) => T[] {
  const byFirst = new Map<string, { tokens: string[]; value: T }[]>();
  for (const { phrase, value } of entries) {
    const tokens = phrase.split(' ').filter((t) => t !== '');
    if (tokens.length === 0) continue;
    const list = byFirst.get(tokens[0] as string) ?? [];
    list.push({ tokens, value });
    byFirst.set(tokens[0] as string, list);
  }
  return (words) => {
    const tokens = words.split(' ');
    const out: T[] = [];
    tokens.forEach((first, i) => {
      for (const c of byFirst.get(first) ?? []) if (c.tokens.every((t, j) => tokens[i + j] === t)) out.push(c.value);
    });
    return out;
  };
}

const exact = new Map<string, SectionKind[]>();
const lead: { phrase: string; kind: SectionKind }[] = [];
const anywhere: { phrase: string; kind: SectionKind }[] = [];
const modifiers = new Set<string>();
for (const vocabulary of LANGUAGES) {
  for (const m of vocabulary.modifiers) modifiers.add(wordForm(m));
  for (const kind of PRIORITY) {
    const words = vocabulary[kind] as KindWords;
    for (const p of words.exact) exact.set(wordForm(p), [...(exact.get(wordForm(p)) ?? []), kind]);
    for (const p of words.lead) lead.push({ phrase: wordForm(p), kind });
    for (const p of words.anywhere) anywhere.push({ phrase: wordForm(p), kind });
  }
}

const anywhereKinds = phraseMatcher(anywhere.map((a) => ({ phrase: a.phrase, value: a.kind })));

/** Every heading phrase of every language, in word form: the prefilter looks for them in raw lines. */
export const SECTION_CUES: readonly string[] = [
  ...new Set([...exact.keys(), ...lead.map((l) => l.phrase), ...anywhere.map((a) => a.phrase)]),
];

/** The heading with its leading modifiers ("the", "our", "key", "expected", "notre" …) dropped. */
function core(words: string): string {
  const tokens = words.split(' ');
  let i = 0;
  while (i < tokens.length - 1 && modifiers.has(tokens[i] as string)) i++;
  // Two-word modifiers ("high level").
  const rest = tokens.slice(i).join(' ');
  for (const m of modifiers) if (m.includes(' ') && rest.startsWith(`${m} `)) return rest.slice(m.length + 1);
  return rest;
}

function kindsOfWords(words: string): SectionKind[] {
  const found = new Set<SectionKind>();
  if (words === '') return [];
  const parts = [words, ...words.split(/ (?:and|or|en|und|et|y|e|ou|o) /)];
  for (const part of parts) {
    const c = core(part);
    for (const k of exact.get(c) ?? exact.get(part) ?? []) found.add(k);
    for (const l of lead)
      if (c === l.phrase || c.startsWith(`${l.phrase} `) || part.startsWith(`${l.phrase} `)) found.add(l.kind);
  }
  for (const k of anywhereKinds(words)) found.add(k);
  // Horizons name the whole heading only: "Future work" inside a PRD is no horizon.
  return PRIORITY.filter((k) => found.has(k));
}

/**
 * Every named section a heading stands for, most specific first: "Goals/Non-Goals" and "Risks & open
 * questions" name two. Memoised: the editor classifies the same headings again on every keystroke.
 */
export const sectionKinds = memoByText(
  (title: string) => title,
  (title: string): readonly SectionKind[] => {
    const words = wordForm(title);
    const kinds = kindsOfWords(words);
    // "Goals/Non-goals", "Problem / opportunity": each side of a slash is a heading of its own.
    if (title.includes('/'))
      for (const side of title.split('/'))
        for (const k of kindsOfWords(wordForm(side))) if (!kinds.includes(k)) kinds.push(k);
    return PRIORITY.filter((k) => kinds.includes(k));
  },
);

/** The named section a heading stands for (the most specific when it names several), or null. */
export function sectionKind(title: string): SectionKind | null {
  return sectionKinds(title)[0] ?? null;
}

const MONTH =
  '(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|dezembro|januar|februar|marz|dezember)\\b';
/** Time buckets a heading names on its own: Now / Next / Later, quarters, halves, months, terms. */
const HORIZON = new RegExp(
  [
    '^(?:now|next|later|nu|jetzt|maintenant|ahora|agora)\\b.*',
    '^(?:q[1-4]|h[12])\\b(?:\\s*(?:fy)?\\s*\\d{2,4})?(?:\\s+.*)?',
    '^(?:fy\\s*)?\\d{4}\\s*(?:q[1-4]|h[12])\\b.*',
    `^(?:late |early |mid )?${MONTH}\\s+\\d{4}\\b.*`,
    '^(?:this|next|current|coming)\\s+(?:quarter|month|half|year|release)s?$',
    '^(?:short|mid|medium|long|near)\\s+term\\b.*',
    '.*\\b(?:weeks?|months?|sprints?)\\s+\\d+\\s*\\d*$',
    // "Beta Release", "1.0 Release", "Release 2.0": a release still to come, named as a bucket.
    '^(?:alpha|beta|rc|ga|stable|v?\\d+(?: \\d+)*)\\s+releases?$',
    '^releases?\\s+v?\\d+(?: \\d+)*$',
  ].join('|'),
);
/** What a roadmap's own headings also use as buckets: years, versions, releases, phases, release dates. */
const LOOSE_HORIZON = new RegExp(
  [
    '^(?:fy\\s*)?(?:19|20)\\d{2}\\b.*',
    '.*\\b(?:19|20)\\d{2}$',
    '^v?\\d+(?: \\d+)+\\b.*',
    '.*\\bv?\\d+ \\d+(?: \\d+)?$',
    // A named bucket: "Phase 0 — Revival", "Release 2", "Milestone 3", "v2.1 release", "Beta"; plural "Release phases" is no bucket.
    '.*\\b(?:version|versie|versao|release|milestone|phase|fase|stage|etappe|sprint|iteration)\\s+v?\\d.*',
    '.*\\bv?\\d+(?: \\d+)*\\s+(?:release|milestone)\\b.*',
    '.*\\b(?:alpha|beta|mvp|ga)\\b.*',
    '.*\\brelease date\\b.*',
    `.*\\b${MONTH}\\s+(?:\\d{1,2}\\s+)?\\d{4}\\b.*`,
  ].join('|'),
);

/**
 * True when a heading names a horizon. `loose`: the document is a roadmap by its name or front matter,
 * so versions, years, releases and phases ("[Version 0.6]", "### 2025", "Beta Release", "Phase 0 —
 * Revival") count too; by content alone they would make every changelog a roadmap.
 */
export function isHorizonTitle(title: string, loose = false): boolean {
  return (loose ? looseHorizon : strictHorizon)(title);
}

/** Memoised: the editor classifies the same headings again on every keystroke. */
const strictHorizon = memoByText(
  (title: string) => title,
  (title: string) => horizonOf(title, false),
);
const looseHorizon = memoByText(
  (title: string) => title,
  (title: string) => horizonOf(title, true),
);

function horizonOf(title: string, loose: boolean): boolean {
  const raw = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = raw.replace(/[^a-z0-9+]+/g, ' ').trim();
  if (words === '') return false;
  const label = wordForm(title);
  if (label !== '' && exact.get(label)?.includes('horizon')) return true;
  if (label !== '' && label.split(/ and | or | en | und | et | y | e /).every((p) => exact.get(p)?.includes('horizon')))
    return true;
  if (HORIZON.test(label) || HORIZON.test(words)) return true;
  return loose && LOOSE_HORIZON.test(words);
}

export interface SectionNodes {
  section: Section;
  /** Index of the heading in its parent's children. */
  headingIndex: number;
  /** Index one past the section's last node. */
  endIndex: number;
}

/** Builds the section tree over the root's top-level headings; also returns, per section, its node range. */
export function buildSections(doc: ParsedDocument): { tree: Section[]; flat: SectionNodes[] } {
  const root: Root = doc.root;
  const flat: SectionNodes[] = [];
  const tree: Section[] = [];
  const stack: SectionNodes[] = [];
  const children = root.children;
  const close = (entry: SectionNodes, endIndex: number): void => {
    entry.endIndex = endIndex;
    const lastNode = children[endIndex - 1] as RootContent;
    const end = endIndex - 1 > entry.headingIndex ? offsets(lastNode)[1] : entry.section.heading.end;
    entry.section.span = spanOf(doc, entry.section.heading.start, end);
    const bodyStart = entry.section.heading.end;
    entry.section.body = spanOf(doc, Math.min(bodyStart, end), end);
  };
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const heading = node as Heading;
    while (stack.length > 0 && (stack[stack.length - 1] as SectionNodes).section.depth >= heading.depth) {
      close(stack.pop() as SectionNodes, index);
    }
    const [hs, he] = offsets(heading);
    const [cs, ce] = contentOffsets(heading);
    const section: Section = {
      heading: spanOf(doc, hs, he),
      depth: heading.depth,
      title: plainText(heading).trim() || doc.text.slice(cs, ce).trim(),
      span: spanOf(doc, hs, he),
      body: spanOf(doc, he, he),
      children: [],
    };
    const entry: SectionNodes = { section, headingIndex: index, endIndex: index + 1 };
    const parent = stack[stack.length - 1];
    if (parent) parent.section.children.push(section);
    else tree.push(section);
    stack.push(entry);
    flat.push(entry);
  });
  while (stack.length > 0) close(stack.pop() as SectionNodes, children.length);
  return { tree, flat };
}
