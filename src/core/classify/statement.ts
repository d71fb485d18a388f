/**
 * Story statements: Connextra ("As a <role>, I want <means>, so that <ends>") and job stories
 * ("When <situation>, I want to <motivation>, so I can <outcome>").
 *
 * Matching runs on a masked copy of the source where emphasis markers and line breaks are blanked
 * out one-for-one, so every offset found in the mask is an offset in the document.
 */
import type { Span } from '../types';
import type { StoryStatement } from '../model';

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

const WANT =
  String.raw`i(?:\s+(?:(?:really\s+)?want|(?:do\s+not|don't|don’t)\s+want|would\s+(?:like|love|prefer|be\s+able\s+to)|'d\s+(?:like|love)|’d\s+(?:like|love)|need|wish|can|could|should\s+be\s+able\s+to|must\s+be\s+able\s+to|am\s+able\s+to|want\s+to\s+be\s+able\s+to|expect|require|desire)|['’]m\s+able\s+to)`;

/** Words that open the ends clause. Longest first so "so that I can" wins over "so". */
const ENDS_KEYWORDS = [
  String.raw`so\s+that`,
  String.raw`so\s+i\s+can`,
  String.raw`so\s+we\s+can`,
  String.raw`so\s+i\s+could`,
  String.raw`so\s+they\s+can`,
  String.raw`in\s+order\s+to`,
  String.raw`in\s+order\s+for`,
  String.raw`so\s+as\s+to`,
];
const ENDS_RE = new RegExp(String.raw`(?:,\s*|\s+|\s*[-–—]\s*)(${ENDS_KEYWORDS.join('|')})\b\s*`, 'iy');

/**
 * "As a / an / the <role>" at a word boundary; real backlogs also drop the article ("As repository
 * manager, I want …"), so a bare role is accepted unless the word opens an ordinary clause ("As discussed").
 */
const CONNEXTRA_START =
  /(?<![\p{L}\p{N}])as\s+(?:(?:an?|the)\s+|(?!(?:soon|well|long|far|much|many|per|of|if|though|part|such|usual|always|before|discussed|mentioned|noted|described|expected|needed|required|shown|above|below|follows|for|to|with|in|on|at|it|we|you|they|he|she|this|that|these|those|i|my|our|your|their|its|his|her|some|any|one|no)\b)(?=\p{L}))/giu;
/** "When <situation>," opening a job story (must be followed by "I want to" within the statement). */
const JOB_START = /(?<![\p{L}\p{N}])when\s+/giu;

const WANT_RE = new RegExp(String.raw`(?:,\s*|\s+|\s*[-–—]\s*)(${WANT})(?:\s+to)?\s+`, 'iy');
const JOB_WANT_RE = /(?:,\s*)(?:i\s+(?:want|need|would\s+like|'d\s+like|’d\s+like)\s+to)\s+/iy;

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|min|max|no|nr|mr|mrs|ms|dr|st)|\b[a-z])$/i;

/** Offset (in `masked`) just after the sentence that starts at `from`, and the sentence end mark. */
function sentenceEnd(masked: string, from: number, limit: number): number {
  const re = /[.!?](?=\s|$)/g;
  re.lastIndex = from;
  for (let m = re.exec(masked); m && m.index < limit; m = re.exec(masked)) {
    const before = masked.slice(Math.max(from, m.index - 8), m.index);
    if (m[0] === '.' && ABBREVIATIONS.test(before)) continue;
    if (m[0] === '.' && /\d$/.test(before) && /^\d/.test(masked.slice(m.index + 1))) continue;
    return m.index + 1;
  }
  return limit;
}

function trimSpan(source: string, base: number, start: number, end: number): Span | undefined {
  while (start < end && /[\s,;:*_`'"“”‘’]/.test(source[start] as string)) start++;
  while (end > start && /[\s,;:.!?*_`'"“”‘’]/.test(source[end - 1] as string)) end--;
  if (end <= start) return undefined;
  return { start: base + start, end: base + end, text: source.slice(start, end) };
}

/**
 * Finds the story statement that opens `source` (a block's raw text starting at document offset `base`),
 * after an optional id/label prefix such as "US-12:", "**Story:**" or "1.". Requiring it to open the block
 * keeps sentences like "…, as a user I want…" in prose from counting.
 */
export function findStatement(source: string, base: number): StoryStatement | null {
  const masked = maskMarkup(source);
  const candidates: { index: number; job: boolean; bodyStart: number }[] = [];
  for (const re of [CONNEXTRA_START, JOB_START]) {
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      if (!opensBlock(masked, m.index)) continue;
      candidates.push({ index: m.index, job: re === JOB_START, bodyStart: m.index + m[0].length });
      break;
    }
  }
  candidates.sort((a, b) => a.index - b.index);
  for (const c of candidates) {
    const st = c.job ? parseJob(source, masked, base, c.index, c.bodyStart) : parseConnextra(source, masked, base, c.index, c.bodyStart);
    if (st) return st;
  }
  return null;
}

/** True when only an id/label prefix stands between the block start and `index`. */
function opensBlock(masked: string, index: number): boolean {
  const prefix = masked.slice(0, index);
  if (prefix.trim() === '') return true;
  // "US-12:", "#12 -", "[ABC-123]", "Story 3:", "User story:", "1.", "1)", "(P1)", "US-12"
  return /^\s*(?:\d+[.)]|[\[(][^\])]{1,30}[\])]\s*[:\-–—|]?|\p{Lu}{1,10}-?\d+|[\p{L}\p{N}#][\p{L}\p{N}_#.\-/]*(?:\s+[\p{L}\p{N}_#.\-/]+){0,3}\s*[:\-–—|])\s*$/u.test(prefix);
}

/** Where the statement may extend to: the end of its first paragraph-like run in the block. */
function blockLimit(masked: string, source: string, from: number): number {
  const para = source.indexOf('\n\n', from);
  return para === -1 ? masked.length : para;
}

function parseConnextra(source: string, masked: string, base: number, start: number, roleStart: number): StoryStatement | null {
  const limit = blockLimit(masked, source, start);
  // The role runs up to "I want" (or its variants); keep it short so prose does not match.
  const roleWindow = masked.slice(roleStart, Math.min(limit, roleStart + 160));
  const wantAt = findWant(roleWindow, WANT_RE);
  if (!wantAt) return null;
  const roleEnd = roleStart + wantAt.index;
  const meansStart = roleStart + wantAt.index + wantAt.length;
  return finish(source, masked, base, start, limit, 'connextra', roleStart, roleEnd, meansStart);
}

function parseJob(source: string, masked: string, base: number, start: number, situationStart: number): StoryStatement | null {
  const limit = blockLimit(masked, source, start);
  const window = masked.slice(situationStart, Math.min(limit, situationStart + 240));
  const wantAt = findWant(window, JOB_WANT_RE);
  // "When X, I want to Y": the comma keeps acceptance criteria ("When I save I can see…") out.
  if (!wantAt || window[wantAt.index] !== ',') return null;
  return finish(source, masked, base, start, limit, 'job', situationStart, situationStart + wantAt.index, situationStart + wantAt.index + wantAt.length);
}

function findWant(window: string, re: RegExp): { index: number; length: number } | null {
  for (let i = 0; i < window.length; i++) {
    const c = window[i];
    if (c !== ',' && c !== ' ' && c !== '-' && c !== '–' && c !== '—') continue;
    re.lastIndex = i;
    const m = re.exec(window);
    if (m) return { index: i, length: m[0].length };
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
): StoryStatement {
  // The ends clause may contain its own sentence punctuation only after the keyword, so look for it first.
  let endsKeywordAt = -1;
  let endsKeyword: string | undefined;
  let endsStart = -1;
  const firstStop = sentenceEnd(masked, meansStart, limit);
  for (let i = meansStart; i < firstStop; i++) {
    const c = masked[i];
    if (c !== ',' && c !== ' ' && c !== '-' && c !== '–' && c !== '—') continue;
    ENDS_RE.lastIndex = i;
    const m = ENDS_RE.exec(masked);
    if (m && m[1]) {
      endsKeywordAt = i;
      endsKeyword = m[1].replace(/\s+/g, ' ').toLowerCase();
      endsStart = i + m[0].length;
      break;
    }
  }
  const meansEnd = endsKeywordAt >= 0 ? endsKeywordAt : firstStop;
  const stop = endsStart >= 0 ? sentenceEnd(masked, endsStart, limit) : firstStop;
  const role = trimSpan(source, base, roleStart, roleEnd);
  const means = trimSpan(source, base, meansStart, meansEnd);
  const ends = endsStart >= 0 ? trimSpan(source, base, endsStart, stop) : undefined;
  const statementEnd = trimEnd(source, start, stop);
  const statement: StoryStatement = {
    span: { start: base + start, end: base + statementEnd, text: source.slice(start, statementEnd) },
    template: role && means ? template : 'invalid',
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

/** Quick test used by classification before the full parse of a block. */
export function mentionsStory(text: string): boolean {
  return /\bas\s+(?:an?|the)\s/i.test(text) || /\bwhen\s/i.test(text);
}
