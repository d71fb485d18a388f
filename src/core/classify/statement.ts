/**
 * Story statements in every language of `vocab/stories.json`: Connextra ("As a <role>, I want <means>, so
 * that <ends>"), the benefit before the want ("So that …, as a …, I want …", "As a … / So I can … / I want …"),
 * and job stories ("When <situation>, I want to <motivation>, so I can <outcome>").
 *
 * Matching runs on a masked copy of the source where emphasis markers and line breaks are blanked
 * out one-for-one, so every offset found in the mask is an offset in the document. A statement must open
 * its block (after an id, label, bullet or link bracket) and show the whole template shape — opener, role and
 * want — so the many ordinary sentences that start with "As", "Als", "Como" or "When" do not count.
 */
import type { Span } from '../types';
import { termAlternation } from './text';
import type { StoryForm, StoryStatement } from '../model';
import vocabulary from '../vocab/stories.json';

/** Blanks out `*`, `_`, `` ` `` used as markup and turns line breaks and tabs into spaces, keeping the length. */
export function maskMarkup(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r' || c === '\t') out += ' ';
    else if (c === '*' || c === '`') out += ' ';
    else if (c === '_' && !(isWordChar(text[i - 1]) && isWordChar(text[i + 1]))) out += ' ';
    else out += c;
  }
  return out;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

interface LanguageVocabulary {
  role: string[];
  roleArticles: string[];
  roleNot: string[];
  want: string[];
  stemWant: string[];
  wantTo: string[];
  ends: string[];
  weakEnds: string[];
  infinitive: string[];
  job: string[];
  jobWant: string[];
  stems: string[];
  labels: string[];
  gherkin: { given: string[]; when: string[]; then: string[] };
  notes: string[];
}

const NOT_LETTER = "(?![\\p{L}\\p{N}'’])";
const SEP = String.raw`(?:,\s*|\s+|\s*[-–—]\s*)`;
/** What follows a want: a space, a comma or colon ("möchte ich, dass …", "I want:"), an ellipsis, or the end. */
const WANT_END = String.raw`(?:\s*[,:]\s*|\s+|\s*(?:\.{2,}|…)|\s*$)`;

/** A vocabulary phrase as a pattern: spaces match any white space, either apostrophe matches. */
function phrase(p: string): string {
  const body = termAlternation([p]).replace(/['’]/g, "['’]");
  return /['’]$/.test(p) ? body : body + NOT_LETTER;
}

/** Longest first, so "so that I can" wins over "so that" and "wil ik graag" over "wil ik". */
function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(phrase)
    .join('|');
}

interface Language {
  code: string;
  /** Sticky: the role opener with an optional article; the role follows. */
  role: RegExp;
  /** Sticky at a separator: the want between role and goal. */
  want: RegExp;
  /** Sticky at a separator: the want of a stem, which may also be "we want". */
  stemWant: RegExp;
  /** Sticky at a separator: a benefit keyword; group 1 is the keyword. */
  ends: RegExp;
  /** Sticky at the block start: a strong benefit keyword opening the statement. */
  endsFirst: RegExp;
  /** Global: a role opener anywhere, for "So that …, as a …, I want …". */
  roleAnywhere: RegExp;
  job: RegExp | null;
  jobWant: RegExp | null;
  stem: RegExp | null;
}

function compile(code: string, v: LanguageVocabulary): Language {
  const gap = "(?:(?<=['’])|:?\\s+)";
  const articles = v.roleArticles.length > 0 ? `(?:(?:${alternation(v.roleArticles)})${gap})|` : '';
  const not = v.roleNot.length > 0 ? `(?!(?:${alternation(v.roleNot)}))` : '';
  const opener = `(?:${alternation(v.role)})${gap}${not}(?:${articles}(?=[\\p{L}\\[<{.…_]))`;
  const to = v.wantTo.length > 0 ? `(?:\\s+(?:${alternation(v.wantTo)})${NOT_LETTER})?` : '';
  const weakInfinitive =
    v.infinitive.length > 0
      ? `|\\s+(${alternation(v.weakEnds)})\\s+(?=\\p{L}+(?:${v.infinitive.join('|')})${NOT_LETTER})`
      : '';
  const weak = v.weakEnds.length > 0 ? `|,\\s*(${alternation(v.weakEnds)})\\s+${weakInfinitive}` : '';
  return {
    code,
    role: new RegExp(opener, 'iuy'),
    want: new RegExp(`${SEP}(?:${alternation(v.want)})${to}${WANT_END}`, 'iuy'),
    stemWant: new RegExp(`${SEP}(?:${alternation([...v.want, ...v.stemWant])})${to}${WANT_END}`, 'iuy'),
    ends: new RegExp(`${SEP}(${alternation(v.ends)})\\s*${weak}`, 'iuy'),
    endsFirst: new RegExp(`(${alternation(v.ends.filter((e) => !/^(?:because|so i)$/i.test(e)))})\\s+`, 'iuy'),
    roleAnywhere: new RegExp(`(?<![\\p{L}\\p{N}])${opener}`, 'giu'),
    job: v.job.length > 0 ? new RegExp(`(?:${alternation(v.job)})\\s+`, 'iuy') : null,
    jobWant: v.jobWant.length > 0 ? new RegExp(`${SEP}(?:${alternation(v.jobWant)})\\s+`, 'iuy') : null,
    stem: v.stems.length > 0 ? new RegExp(`(?:${alternation(v.stems)})(?=[\\s.…:]*$)`, 'iuy') : null,
  };
}

const LANGUAGES: readonly Language[] = Object.entries(vocabulary.languages as Record<string, LanguageVocabulary>).map(
  ([code, v]) => compile(code, v),
);
const BY_CODE = new Map(LANGUAGES.map((l) => [l.code, l]));

/** Acceptance-criteria labels of every language, for the default configuration. */
export const STORY_LABELS: readonly string[] = [
  ...new Set(Object.values(vocabulary.languages as Record<string, LanguageVocabulary>).flatMap((v) => v.labels)),
];

const ALL = Object.values(vocabulary.languages as Record<string, LanguageVocabulary>);

/**
 * A criterion in Given/When/Then form in any language: a given or when keyword, and a then keyword after it
 * ("Gegeven …, als …, dan …", "Étant donné …, quand …, alors …"). Both are needed: "Als", "Quando" and
 * "Wenn" open many sentences that are not criteria.
 */
export const GHERKIN_SHAPE = new RegExp(
  `^[\\s>*_\\-+]*(?:\\d+[.)]\\s*)?(?:\\[[ xX]\\]\\s*)?[*_]*(?:${alternation([...new Set(ALL.flatMap((v) => [...v.gherkin.given, ...v.gherkin.when]))])})[\\s\\S]*?(?<![\\p{L}])(?:${alternation([...new Set(ALL.flatMap((v) => v.gherkin.then))])})`,
  'iu',
);

/** "Note: …", "i.e. …", "Por ejemplo …": a note or an example under a story, never one of its criteria. */
export const NOTE_START = new RegExp(
  `^[\\s>*_\\-+]*(?:${alternation([...new Set(ALL.flatMap((v) => v.notes))])})(?:[\\s:,]|$)`,
  'iu',
);

/** Every want and stem phrase: a text with none of them holds no story (the CLI prefilter uses it). */
export const STORY_CUE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alternation([...new Set(Object.values(vocabulary.languages as Record<string, LanguageVocabulary>).flatMap((v) => [...v.want, ...v.jobWant, ...v.stems]))])})`,
  'iu',
);

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|min|max|no|nr|mr|mrs|ms|dr|st|z\.b|bzw|ggf|usw|d\.h|bijv|o\.a|p\.ex|ej|p\.e)|\b[a-z])$/i;

/** Offset (in `masked`) just after the sentence that starts at `from`, and the sentence end mark. */
function sentenceEnd(masked: string, from: number, limit: number): number {
  const re = /[.!?](?=\s|$)/g;
  re.lastIndex = from;
  for (let m = re.exec(masked); m && m.index < limit; m = re.exec(masked)) {
    const before = masked.slice(Math.max(from, m.index - 8), m.index);
    if (m[0] === '.' && ABBREVIATIONS.test(before)) continue;
    if (m[0] === '.' && /\d$/.test(before) && /^\d/.test(masked.slice(m.index + 1))) continue;
    if (m[0] === '.' && /\.\.$/.test(before)) continue;
    return m.index + 1;
  }
  return limit;
}

const BR_AT_END = /<br\s*\/?>$/i;

function trimSpan(source: string, base: number, start: number, end: number): Span | undefined {
  while (start < end && /[\s,;:*_`'"“”‘’…]/.test(source[start] as string)) start++;
  for (;;) {
    while (end > start && /[\s,;:.!?*_`'"“”‘’…]/.test(source[end - 1] as string)) end--;
    const tag = BR_AT_END.exec(source.slice(Math.max(start, end - 8), end));
    if (!tag) break;
    end -= tag[0].length;
  }
  if (end <= start) return undefined;
  return { start: base + start, end: base + end, text: source.slice(start, end) };
}

/** What may stand before a statement in its block: a bullet, an id or label, a link bracket, a quote mark. */
const PREFIX =
  /(?:\s+|[-•◦▪o](?=\s)|-(?=\p{L})|\d+[.)]|[[(][^\])]{1,30}[\])](?:\([^)\s]*\))?\s*[.:\-–—|]?|\p{Lu}{1,10}-?\d+(?:[.:\-–—|]|\s)|[\p{L}\p{N}#][\p{L}\p{N}_#.\-/]*(?:\s+[\p{L}\p{N}_#.\-/]+){0,3}\s*[:\-–—|](?=\s)|[["“„«'>|])/uy;

/** Where a statement may start: the block start and the ends of up to four prefixes after it. */
function openings(masked: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (let n = 0; n < 8 && at < masked.length; n++) {
    if (!/\s/.test(masked[at] as string)) out.push(at);
    PREFIX.lastIndex = at;
    const m = PREFIX.exec(masked);
    if (!m || m[0].length === 0) break;
    at += m[0].length;
  }
  return out;
}

/** Where the statement may extend to: the end of its paragraph-like run, or of the link text it opened. */
function blockLimit(masked: string, source: string, from: number): number {
  const para = source.indexOf('\n\n', from);
  const paraEnd = para === -1 ? masked.length : para;
  if (masked[from - 1] === '[') {
    const close = masked.indexOf('](', from);
    if (close !== -1 && close < paraEnd) return close;
  }
  return paraEnd;
}

/**
 * Finds the story statement that opens `source` (a block's raw text starting at document offset `base`),
 * after an optional id/label prefix such as "US-12:", "**Story:**" or "1.". Requiring it to open the block
 * keeps sentences like "…, as a user I want…" in prose from counting.
 */
export function findStatement(source: string, base: number): StoryStatement | null {
  const masked = maskMarkup(source);
  for (const at of openings(masked)) {
    for (const lang of LANGUAGES) {
      const st =
        connextraAt(source, masked, base, at, lang) ??
        benefitFirstAt(source, masked, base, at, lang) ??
        jobAt(source, masked, base, at, lang);
      if (st) return isTemplate(st) ? null : st;
    }
  }
  return null;
}

/** A Connextra stem that introduces a list of goals ("As an admin, I want:", "En tant que membre, je souhaite..."). */
export interface Stem {
  role: Span;
  language: string;
  form: StoryForm;
}

/**
 * The stem that `source` ends with, if it is one: role and want with no goal after them, or a capability
 * phrase of the vocabulary ("Der Nutzer sollte in der Lage sein …"). The goals are the bullets that follow.
 */
export function findStem(source: string, base: number): Stem | null {
  const masked = maskMarkup(source);
  for (const at of openings(masked)) {
    for (const lang of LANGUAGES) {
      lang.role.lastIndex = at;
      const m = lang.role.exec(masked);
      if (m) {
        const roleStart = at + m[0].length;
        const window = masked.slice(roleStart, Math.min(masked.length, roleStart + 160));
        const want = findAt(window, lang.stemWant);
        if (want && /^[\s.…:,]*$/.test(masked.slice(roleStart + want.index + want.length))) {
          const role = trimSpan(source, base, roleStart, roleStart + want.index);
          if (role && plausibleRole(role.text)) return { role, language: lang.code, form: 'connextra' };
        }
      }
      if (lang.stem) {
        lang.stem.lastIndex = at;
        const s = lang.stem.exec(masked);
        const role = s && trimSpan(source, base, at, at + s[0].length);
        if (role) return { role, language: lang.code, form: 'other' };
      }
    }
  }
  return null;
}

/**
 * A bullet under a stem: its goal and benefit ("* ouvrir un compte, pour profiter …", "* ... eine Schicht
 * zu erstellen"), with the role taken from the stem.
 */
export function continuationOf(source: string, base: number, stem: Stem): StoryStatement | null {
  const lang = BY_CODE.get(stem.language);
  if (!lang) return null;
  const masked = maskMarkup(source);
  let start = 0;
  const lead = /^(?:\s|[-•◦▪]\s|\.{2,}|…|to\s+(?=\p{L}))*/iu.exec(masked);
  if (lead) start = lead[0].length;
  if (!/\p{L}/u.test(masked[start] ?? '')) return null;
  const st = finish(
    source,
    masked,
    base,
    start,
    blockLimit(masked, source, start),
    'connextra',
    -1,
    -1,
    start,
    lang,
    stem.form,
  );
  return st.means ? { ...st, role: stem.role, template: 'connextra' } : null;
}

const PLACEHOLDER = /^(?:[[<{][^\]>}]*[\]>}]|\.{3}|…|_+|x+)$/i;

/** "As a [user role], I want [feature]": a template to fill in, not a story. */
function isTemplate(st: StoryStatement): boolean {
  return [st.role, st.means].every((part) => !part || PLACEHOLDER.test(part.text.trim()));
}

function plausibleRole(text: string): boolean {
  // A sentence end inside the role means the opener began ordinary prose ("As noted. I want …").
  return text.length <= 120 && !/[.!?]\s+\p{Lu}/u.test(text);
}

function connextraAt(source: string, masked: string, base: number, at: number, lang: Language): StoryStatement | null {
  lang.role.lastIndex = at;
  const m = lang.role.exec(masked);
  if (!m) return null;
  const roleStart = at + m[0].length;
  const limit = blockLimit(masked, source, at);
  // The role runs up to "I want" (or its variants); keep it short so prose does not match.
  const window = masked.slice(roleStart, Math.min(limit, roleStart + 240));
  let want = findAt(window, lang.want);
  if (!want) return null;
  // "As a controller / So I can land planes / I want …": the benefit sits between role and want (and its
  // keyword may hold a want of its own, "so I can").
  const benefit = findAt(window.slice(0, want.index + want.length), lang.ends);
  if (benefit && benefit.index <= want.index) {
    const after = benefit.index + benefit.length;
    const later = findAt(window.slice(after), lang.want);
    if (!later) return null;
    want = { index: after + later.index, length: later.length };
  }
  const roleEnd = roleStart + (benefit ? benefit.index : want.index);
  // No role at all ("As a , I want …") is a statement with a part missing; an implausible one is prose.
  const role = trimSpan(source, base, roleStart, roleEnd);
  if (role && !plausibleRole(role.text)) return null;
  const meansStart = roleStart + want.index + want.length;
  if (benefit) {
    const ends = trimSpan(source, base, roleStart + benefit.index + benefit.length, roleStart + want.index);
    const st = finish(
      source,
      masked,
      base,
      at,
      limit,
      'connextra',
      roleStart,
      roleEnd,
      meansStart,
      lang,
      'benefit-first',
      false,
    );
    return { ...st, ends, endsKeyword: benefit.keyword };
  }
  return finish(
    source,
    masked,
    base,
    at,
    limit,
    'connextra',
    roleStart,
    roleEnd,
    meansStart,
    lang,
    'connextra',
    true,
    m[0].includes(':'),
  );
}

/** "So that <benefit>, as a <role>, I want <goal>" and "In order to <benefit>, I want <goal>". */
function benefitFirstAt(
  source: string,
  masked: string,
  base: number,
  at: number,
  lang: Language,
): StoryStatement | null {
  lang.endsFirst.lastIndex = at;
  const m = lang.endsFirst.exec(masked);
  if (!m) return null;
  const endsStart = at + m[0].length;
  const limit = blockLimit(masked, source, at);
  const window = masked.slice(endsStart, Math.min(limit, endsStart + 300));
  lang.roleAnywhere.lastIndex = 0;
  const role = lang.roleAnywhere.exec(window);
  let roleSpan: Span | undefined;
  let endsEnd: number;
  let meansStart: number;
  if (role) {
    const roleStart = role.index + role[0].length;
    const want = findAt(window.slice(roleStart), lang.want);
    if (!want) return null;
    roleSpan = trimSpan(source, base, endsStart + roleStart, endsStart + roleStart + want.index);
    endsEnd = endsStart + role.index;
    meansStart = endsStart + roleStart + want.index + want.length;
  } else {
    const want = findAt(window, lang.want);
    if (!want) return null;
    endsEnd = endsStart + want.index;
    meansStart = endsStart + want.index + want.length;
  }
  const ends = trimSpan(source, base, endsStart, endsEnd);
  if (!ends) return null;
  const st = finish(source, masked, base, at, limit, 'connextra', -1, -1, meansStart, lang, 'benefit-first', false);
  if (!st.means) return null;
  return { ...st, template: 'connextra', role: roleSpan, ends, endsKeyword: m[1]?.replace(/\s+/g, ' ').toLowerCase() };
}

function jobAt(source: string, masked: string, base: number, at: number, lang: Language): StoryStatement | null {
  if (!lang.job || !lang.jobWant) return null;
  lang.job.lastIndex = at;
  const m = lang.job.exec(masked);
  if (!m) return null;
  const situationStart = at + m[0].length;
  const limit = blockLimit(masked, source, at);
  const window = masked.slice(situationStart, Math.min(limit, situationStart + 240));
  const want = findAt(window, lang.jobWant);
  if (!want) return null;
  const st = finish(
    source,
    masked,
    base,
    at,
    limit,
    'job',
    situationStart,
    situationStart + want.index,
    situationStart + want.index + want.length,
    lang,
    'job',
  );
  // "When X, I want to Y": the comma (or an outcome clause) keeps acceptance criteria ("When I save I can see…") out.
  if (window[want.index] !== ',' && !st.ends) return null;
  return st;
}

/** The first separator in `window` at which the sticky `re` matches. */
function findAt(window: string, re: RegExp): { index: number; length: number; keyword?: string } | null {
  for (let i = 0; i < window.length; i++) {
    const c = window[i];
    if (c !== ',' && c !== ' ' && c !== '-' && c !== '–' && c !== '—') continue;
    re.lastIndex = i;
    const m = re.exec(window);
    if (m)
      return {
        index: i,
        length: m[0].length,
        keyword: m
          .slice(1)
          .find((g) => g !== undefined)
          ?.replace(/\s+/g, ' ')
          .toLowerCase(),
      };
  }
  return null;
}

function finish(
  source: string,
  masked: string,
  base: number,
  start: number,
  limit: number,
  template: 'connextra' | 'job',
  roleStart: number,
  roleEnd: number,
  meansStart: number,
  lang: Language,
  form: StoryForm,
  findEnds = true,
  fieldList = false,
): StoryStatement {
  // A field list ("**As a:** …<br>**I want to:** …<br>**So that:** …") keeps each part on its own line.
  const lineEnd = (from: number): number => {
    if (!fieldList) return limit;
    const nl = source.indexOf('\n', from);
    return nl === -1 || nl > limit ? limit : nl;
  };
  // The ends clause may contain its own sentence punctuation only after the keyword, so look for it first.
  let endsKeywordAt = -1;
  let endsKeyword: string | undefined;
  let endsStart = -1;
  const firstStop = sentenceEnd(masked, meansStart, lineEnd(meansStart));
  if (findEnds) {
    const searchEnd = fieldList ? lineEnd(Math.min(limit, firstStop + 1)) : firstStop;
    const hit = findAt(masked.slice(meansStart, searchEnd), lang.ends);
    if (hit) {
      endsKeywordAt = meansStart + hit.index;
      endsKeyword = hit.keyword;
      endsStart = endsKeywordAt + hit.length;
    }
  }
  const meansEnd = endsKeywordAt >= 0 ? endsKeywordAt : firstStop;
  const stop = endsStart >= 0 ? sentenceEnd(masked, endsStart, lineEnd(endsStart)) : firstStop;
  const role = roleStart >= 0 ? trimSpan(source, base, roleStart, roleEnd) : undefined;
  const means = trimSpan(source, base, meansStart, meansEnd);
  const ends = endsStart >= 0 ? trimSpan(source, base, endsStart, stop) : undefined;
  const statementEnd = trimEnd(source, start, stop);
  const statement: StoryStatement = {
    span: { start: base + start, end: base + statementEnd, text: source.slice(start, statementEnd) },
    template: role && means ? template : 'invalid',
    form: endsKeyword === 'because' || endsKeyword === 'since' ? 'other' : form,
    language: lang.code,
    role,
    means,
    ends,
    endsKeyword,
  };
  const trailing = trimSpan(source, base, stop, limit);
  if (trailing && /[\p{L}\p{N}]/u.test(trailing.text)) statement.trailing = trailing;
  return statement;
}

function trimEnd(source: string, start: number, end: number): number {
  while (end > start && /[\s*_`]/.test(source[end - 1] as string)) end--;
  return end;
}

/** True when a role opener ("As a", "Als", "En tant que", "Como") opens `source`: a story may start on this line. */
export function opensWithRole(source: string): boolean {
  const masked = maskMarkup(source);
  for (const at of openings(masked)) {
    for (const lang of LANGUAGES) {
      lang.role.lastIndex = at;
      if (lang.role.test(masked)) return true;
    }
  }
  return false;
}

export type StoryColumn = 'role' | 'want' | 'benefit';

interface ColumnVocabulary {
  role: string[];
  want: string[];
  benefit: string[];
}

const COLUMN_WORDS: Map<string, { column: StoryColumn; language?: string }> = (() => {
  const out = new Map<string, { column: StoryColumn; language?: string }>();
  const add = (words: readonly string[], column: StoryColumn, language?: string): void => {
    for (const w of words) if (!out.has(columnKey(w))) out.set(columnKey(w), { column, language });
  };
  for (const [code, v] of Object.entries(vocabulary.languages as Record<string, LanguageVocabulary>)) {
    add(
      v.role.flatMap((r) => [r, ...v.roleArticles.map((a) => `${r} ${a}`)]),
      'role',
      code,
    );
    add(v.want, 'want', code);
    add(v.ends, 'benefit', code);
    add(v.weakEnds, 'benefit', code);
  }
  const columns = vocabulary.columns as unknown as ColumnVocabulary;
  add(columns.role, 'role');
  add(columns.want, 'want');
  add(columns.benefit, 'benefit');
  return out;
})();

function columnKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`\u200b]/g, '')
    .replace(/['’]/g, "'")
    .replace(/[\s.:?!…]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which part of a story a table column holds, from its header ("En tant que …" → role, in French). */
export function storyColumn(header: string): { column: StoryColumn; language?: string } | null {
  return COLUMN_WORDS.get(columnKey(header)) ?? null;
}

/** True when `text` opens with a benefit keyword of any language ("So that …", "Damit kann ich …", "Afin de …"). */
export function opensWithBenefit(text: string): boolean {
  const masked = maskMarkup(text);
  const at = masked.length - masked.trimStart().length;
  return LANGUAGES.some((lang) => {
    lang.endsFirst.lastIndex = at;
    return lang.endsFirst.test(masked);
  });
}

/** "As a …, I want …, so that …" with placeholders for role and goal ("Como ..., eu quero ..."): a template. */
export function isPlaceholderStatement(source: string): boolean {
  const masked = maskMarkup(source);
  for (const at of openings(masked)) {
    for (const lang of LANGUAGES) {
      const st = connextraAt(source, masked, 0, at, lang);
      if (st) return isTemplate(st);
    }
  }
  return false;
}
