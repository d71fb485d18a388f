import type { Nodes, Table } from 'mdast';
import { defineRule } from '../../../src/core/rule-api';
import { offsets, plainText, termAlternation } from '../../../src/core/rule-api';
import { lineEndAt } from '../../../src/core/rule-api';
import { matchProse, proseRanges, type Range } from '../../_lib/prose';
import { artifactAt } from '../_lib/regions';
import { firstFew, quote } from '../../_lib/message';
import docs from './README.md';
import html from './html-elements.json';
import words from './words.json';

const HTML_ELEMENTS = new Set(html.elements);
const BRACKET_WORDS = new Set(words.bracketWords);
const META_WORDS = new Set(words.metaWords);
const INSTRUCTION_VERBS = new Set(words.instructionVerbs);
const CAPS_NAMES = new Set(words.capsNames);
const CAPS_VERBS = new Set(words.capsVerbs);
const PENDING = new RegExp(
  `(?<![\\p{L}])(?:${words.pendingPhrases.map((w) => w.replace(/ /g, String.raw`\s+`)).join('|')})(?![\\p{L}])`,
  'iu',
);

type Kind = 'slot' | 'marker' | 'dummy';

/** One pass over the prose; each alternative is a bounded run of one character class. */
const PLACEHOLDER_RE = new RegExp(
  [
    // <role>, <the benefit>, <Who has the problem, what it is.>: not after a word ("List<string>" is a generic type).
    String.raw`(?<slot>(?<![\p{L}\p{N}_])<[\p{L}][\p{L}\p{N} _'’/,:;.()?!&+%#…–—-]{0,200}>)`,
    String.raw`(?<moustache>\{\{[^{}\n]{1,120}\}\})`,
    String.raw`(?<brace>(?<![\p{L}\p{N}_$\\{}/])\{[\p{L}][^{}\n]{0,80}\}(?![}(]))`,
    // [user], [Project Name], [e.g. v1.0]: not a link, a footnote, a task box, a citation or a wiki link.
    String.raw`(?<bracket>(?<![\[\]!\p{L}\p{N}])\[(?!\^)[^\[\]\n]{1,80}\](?![\[(:]))`,
    String.raw`(?<marker>(?<![\p{L}\p{N}])(?:[Tt][Bb][DdCcAa]|TODO|FIXME|XXX)(?![\p{L}\p{N}])|\?{3,})`,
    String.raw`(?<dummy>(?<![\p{L}])[Ll]orem ipsum(?![\p{L}]))`,
    // PROJECT NAME, REPLACE THIS TEXT, and date masks (YYYY-MM-DD).
    String.raw`(?<caps>(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[ _]\p{Lu}{2,}){1,3}(?![\p{L}\p{N}]))`,
    String.raw`(?<mask>(?<![\p{L}\p{N}])(?:YYYY[-/.]MM(?:[-/.]DD)?|DD[-/.]MM[-/.]YYYY|MM[-/.]DD[-/.]YYYY|JJJJ-MM-TT|AAAA-MM-(?:JJ|DD))(?![\p{L}\p{N}]))`,
  ].join('|'),
  'gu',
);
/** Metric 1, Risk 2, Critère 1: a template numbers what the author should have named. */
const NUMBERED_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${termAlternation(words.numberedNouns)})\s+\d{1,2}(?![\p{L}\p{N}]|[.,]\d)`,
  'giu',
);
/** "As a ..., I want ..., so that ...": an ellipsis standing alone, where a part was to be written. */
const ELLIPSIS_SLOT = /(?<=^|\s)(?:\.{3}|…)(?=[\s,.;:]|$)/gu;
/** A paragraph, cell or heading holding nothing but an ellipsis. */
const ELLIPSIS_ONLY = /^(?:…|\.{3,}|\. \. \.)$/;
/** A "Label:" line with nothing after it. */
const EMPTY_LABEL =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([\p{L}][\p{L}\p{N} '’/&()-]{0,40}?)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*$/u;
const ANY_LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[\p{L}][\p{L}\p{N} '’/&()-]{0,40}?(?:\*\*|__)?[ \t]*:(?!\/\/)/u;
const EXAMPLE_HINT = /^(?:e\.\s?g\.|z\.\s?b\.|p\.\s?ej\.|p\.\s?ex\.|ex\.|bijv\.|bv\.|i\.\s?e\.|z\.\s?b)/i;

const MESSAGES: Record<Kind, (t: string) => string> = {
  slot: (t) => `${quote(t)} is unfilled template text: write the real content`,
  marker: (t) => `${quote(t)} marks something still open: decide it, or list it as an open question`,
  dummy: (t) => `${quote(t)} is dummy text: replace it with what you mean`,
};
/** Why, where it says more than the rule's rationale. */
const REASONS: Partial<Record<Kind, string>> = {
  marker: 'Nobody can estimate or commit to an open item; an open question with an owner gets decided.',
  dummy: 'Readers cannot tell dummy text from the real content.',
};
const BLANK_FORM = 'A form left blank reads as finished when it is not.';

/** `<br>`, `<details open>`, `<img src=…>` are HTML; `<link to test coverage>` (bare words, no `=`) is a slot. */
function isHtmlTag(slot: string): boolean {
  const [name, ...rest] = slot
    .slice(1, -1)
    .split(/[\s/]+/)
    .filter((w) => w !== '');
  return HTML_ELEMENTS.has(name?.toLowerCase() ?? '') && (rest.length <= 1 || rest.some((w) => w.includes('=')));
}

/** A quoted string on the line around `at`: an example or a message shown as written ("node(s) had taint {<key>}"). */
function inQuotes(text: string, at: number): boolean {
  const line = text.lastIndexOf('\n', at - 1) + 1;
  for (const q of text.slice(line, lineEndAt(text, at)).matchAll(/"[^"\n]*"|“[^”\n]*”|«[^»\n]*»/gu)) {
    const s = line + (q.index ?? 0);
    if (at > s && at < s + q[0].length) return true;
  }
  return false;
}

/** `<plantuml>` … `</plantuml>`, `<www.example.org>`: markup a tool renders, or an address. */
function isMarkupOrAddress(documentIncludes: (text: string) => boolean, slot: string): boolean {
  const inner = slot.slice(1, -1);
  if (!/\s/.test(inner)) return /[.:@/]/.test(inner) || documentIncludes(`</${inner}>`);
  return false;
}

/** `[user]`, `[Project Name]`, `[feature/goal]`, `[e.g. v1.0]` stand for a value; `[WIP]`, `[1]`, `[ ]`, `[see below]` do not. */
function isBracketSlot(inner: string): boolean {
  const t = inner.trim();
  // "[e.g. v1.0]", "[Why does this project exist?]", "{More to be added}": a hint, a prompt, a promise.
  if (EXAMPLE_HINT.test(t) || /\p{L}\?$/u.test(t) || PENDING.test(t)) return true;
  if (/^[ xX]?$/.test(inner) || /\d/.test(t)) return false;
  const parts = t
    .toLowerCase()
    .split(/[\s/,;—–]+/)
    .filter((w) => w !== '');
  if (parts.length === 0 || parts.length > 6) return false;
  if (parts.length === 1) return BRACKET_WORDS.has(parts[0] as string);
  if (/^(?:note|nb|sic|edit|edited|update|updated|source|see|ref|citation)\b/.test(parts[0] as string)) return false;
  return parts.some((w) => BRACKET_WORDS.has(w)) || INSTRUCTION_VERBS.has(parts[0] as string);
}

/** "Metric 1" standing alone, with an example ("Metric 1 (e.g. MAU)"), or with a description of what goes there ("Objetivo 1: Descripción y métricas."). */
function isNumberedSlot(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = lineEndAt(text, end);
  const before = text.slice(Math.max(lineStart, text.lastIndexOf('|', start - 1) + 1), start);
  // A list item, a cell or a line of its own; a heading ("### Story 1") names the content under it.
  if (!/^[\s>*_+\-.)\d]*(?:\[[ xX]\]\s*)?(?:[*_]*\([^()]{1,30}\)[*_]*\s*)?(?:\*\*|__)?$/.test(before)) return false;
  let after = text.slice(end, lineEnd);
  const bar = after.indexOf('|');
  if (bar !== -1) after = after.slice(0, bar);
  after = after.replace(/^(?:\*\*|__)/, '').trim();
  if (after === '' || after === ':') return true;
  if (EXAMPLE_HINT.test(after.replace(/^[-–—:(]\s*/, ''))) return true;
  const m = /^[:–—-]\s*(?:\*\*|__)?\s*(.*)$/.exec(after);
  if (!m) return false;
  const rest = (m[1] as string)
    .replace(/[*_.…]+$/g, '')
    .trim()
    .toLowerCase();
  if (rest === '') return true;
  const ws = rest.split(/[\s,;/]+/).filter((w) => w !== '');
  return ws.length <= 6 && ws.every((w) => META_WORDS.has(w));
}

/** PROJECT NAME, YOUR NAME, REPLACE THIS TEXT — but not a label ("PROJECT NAME: Apollo") or an acronym run ("AWS KMS"). */
function isCapsSlot(text: string, match: string, end: number): boolean {
  const ws = match.toLowerCase().split(/[ _]+/);
  if (!CAPS_NAMES.has(ws[ws.length - 1] as string) && !CAPS_VERBS.has(ws[0] as string)) return false;
  return !/^\s*(?:\*\*|__)?\s*:\s*\S/.test(text.slice(end, lineEndAt(text, end)));
}

interface Candidate extends Range {
  message: string;
  rationale?: string;
  /** Markers in one table column are one problem: reported once, at the first row. */
  group?: string;
}

export default defineRule({
  meta: {
    id: 'placeholder',
    role: 'common',
    artifacts: ['story', 'backlog', 'prd', 'epic', 'business-case', 'roadmap', 'roadmap-item'],
    severity: 'warning',
    description:
      'Unfilled template text: <placeholders>, [user], TBD, TODO, lorem ipsum, "Metric 1", PROJECT NAME, _Describe …_, empty "Label:" lines, {{…}} or a lone "…".',
    rationale:
      'An artifact with template text left in it looks finished but is not: the team plans, estimates and builds from what it says, so every open slot is a decision nobody made.',
    fixable: false,
    scope: 'section',
  },
  docs,
  check(ctx) {
    const { doc, model } = ctx;
    const text = doc.text;
    const found: Candidate[] = [];
    /** Table cells, to group markers by column. */
    const cells: { range: Range; key: string }[] = [];
    let tables = 0;
    const visit = (node: Nodes): void => {
      if (node.type === 'table') {
        const t = tables++;
        for (const row of (node as Table).children) {
          row.children.forEach((cell, col) => {
            const [s, e] = offsets(cell);
            cells.push({ range: { start: s, end: e }, key: `${t}:${col}` });
          });
        }
      }
      if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'heading') {
        const [start] = offsets(node);
        const plain = plainText(node).trim();
        if (ELLIPSIS_ONLY.test(plain)) {
          const at = text.indexOf(plain, start);
          found.push({
            start: at,
            end: at + plain.length,
            message: `${quote(plain)} stands in for content never written: write it, or remove it`,
          });
          return;
        }
        // "_Describe the problem._": an instruction to the author, alone in its block (after a label, if any).
        const kids = (node.children as Nodes[]).filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        const last = kids[kids.length - 1];
        if (last?.type === 'emphasis' && (kids.length === 1 || (kids.length === 2 && kids[0]?.type === 'strong'))) {
          const said = plainText(last).trim();
          const [first, second] = said.toLowerCase().split(/\s+/);
          if (first !== undefined && INSTRUCTION_VERBS.has(first.replace(/[:,.]$/, '')) && second !== 'of') {
            const [s, e] = offsets(last);
            found.push({
              start: s,
              end: e,
              message: `${quote(said)} is the template's instruction: replace it with the content`,
            });
          }
        }
        if (node.type !== 'tableCell') return;
      }
      // "- " or "- [ ]" with nothing after it: an item the template left for the author.
      const said = node.type === 'listItem' ? plainText(node).trim() : undefined;
      if (
        node.type === 'listItem' &&
        (said === '' || said === '[ ]' || said === '[x]') &&
        !(node.children as Nodes[]).some((c) => c.type === 'list' || c.type === 'code' || c.type === 'html')
      ) {
        const [s, e] = offsets(node);
        const box = said !== '' || node.checked === false || node.checked === true;
        found.push({
          start: s,
          end: lineEndAt(text, s, e),
          message: `Empty ${box ? 'checkbox' : 'list item'}: write what belongs here, or remove it`,
        });
        return;
      }
      // "> …" in a quotation marks an elision in the quoted text, not a gap in ours.
      if (node.type === 'blockquote') return;
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(doc.root);

    const whole = [ctx.range];
    for (const { match, start, end } of matchProse(doc, whole, PLACEHOLDER_RE, { keepHtml: true })) {
      const g = match.groups ?? {};
      const t = match[0];
      if (g.slot && (isHtmlTag(t) || isMarkupOrAddress(ctx.documentIncludes, t) || inQuotes(text, start))) continue;
      // Hugo shortcodes ({{< ref >}}, {{% note %}}) and includes ({{json:…}}) are filled in when the site is built.
      if (g.moustache && /^\{\{\s*(?:[<%]|[\p{L}-]+:)/u.test(t)) continue;
      if (g.brace && !isBracketSlot(t.slice(1, -1))) continue;
      if (g.bracket && !isBracketSlot(t.slice(1, -1))) continue;
      if (g.caps && !isCapsSlot(text, t, end)) continue;
      if (
        g.mask &&
        /(?:format|formatted|as|like|e\.g\.|written|pattern)\s*[:(]?\s*["'“]?$/i.test(
          text.slice(Math.max(0, start - 30), start),
        )
      )
        continue;
      const kind: Kind = g.marker ? 'marker' : g.dummy ? 'dummy' : 'slot';
      const cell = g.marker ? cells.find((c) => start >= c.range.start && end <= c.range.end) : undefined;
      found.push({
        start,
        end,
        message: MESSAGES[kind](t),
        rationale: REASONS[kind],
        group: cell ? `${cell.key}:${t.toUpperCase()}` : undefined,
      });
    }

    for (const { match, start, end } of matchProse(doc, whole, NUMBERED_RE)) {
      if (isNumberedSlot(text, start, end))
        found.push({
          start,
          end,
          message: `${quote(match[0])} is a numbered template slot: name the real ${match[0].replace(/\s+\d+$/, '').toLowerCase()}`,
        });
    }

    // "Como ..., eu quero ..., para que ...": two or more lone ellipses on a line are one template line.
    const ellipses = new Map<number, Range[]>();
    for (const { start, end } of matchProse(doc, whole, ELLIPSIS_SLOT)) {
      const line = text.lastIndexOf('\n', start - 1) + 1;
      ellipses.set(line, [...(ellipses.get(line) ?? []), { start, end }]);
    }
    for (const [line, list] of ellipses) {
      if (list.length < 2) continue;
      // ("As a ..., I want ...") in quotes is the template shown as an example, not one left unfilled.
      const quotes = [...text.slice(line, lineEndAt(text, line)).matchAll(/"[^"\n]*"|“[^”\n]*”|«[^»\n]*»/gu)].map(
        (q) => ({ start: line + (q.index ?? 0), end: line + (q.index ?? 0) + q[0].length }),
      );
      if (list.every((e) => quotes.some((q) => e.start > q.start && e.end < q.end))) continue;
      const start = (list[0] as Range).start;
      const end = (list[list.length - 1] as Range).end;
      found.push({ start, end, message: 'Template line: replace each "…" with the real words' });
    }

    // "As a …, I want to log in": one part of a story left as an ellipsis.
    for (const story of model.stories) {
      const st = story.statement;
      for (const part of [st.role, st.means, st.ends]) {
        const said = part?.text.trim() ?? '';
        if (!part || !/^(?:\.{2,}|…)$/.test(said)) continue;
        const at = part.start + part.text.indexOf(said);
        found.push({
          start: at,
          end: at + said.length,
          message: `"${said}" stands in for the story's ${part === st.role ? 'role' : part === st.means ? 'goal' : 'benefit'}: write it`,
        });
      }
      // The statement parser leaves an ellipsis role out ("As a …, I want"): find it before the goal.
      if (!st.role) {
        const head = st.span.text.slice(0, st.means ? st.means.start - st.span.start : st.span.text.length);
        const m = /(?<=^|\s)(\.{2,}|…)(?=[\s,;:]|$)/u.exec(head);
        if (m) {
          const at = st.span.start + m.index;
          found.push({
            start: at,
            end: at + (m[1] as string).length,
            message: `"${m[1]}" stands in for the story's role: name the user or persona`,
          });
        }
      }
    }

    found.push(
      ...emptyLabels(
        doc.text,
        ctx.range,
        (r) => proseRanges(doc, r).length === 1 && proseRanges(doc, r)[0]?.end === r.end,
      ),
    );

    // One finding per problem: the first of overlapping candidates, and one per table column of markers.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const groups = new Map<string, Candidate[]>();
    for (const c of found) if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
    let reach = -1;
    for (const c of found) {
      if (c.start < reach) continue;
      const same = c.group ? (groups.get(c.group) as Candidate[]) : [c];
      if (same[0] !== c) continue;
      reach = c.end;
      const artifact = artifactAt(model, c.start);
      if (!artifact) continue;
      const message = same.length > 1 ? `${c.message} (+${same.length - 1} in this column)` : c.message;
      ctx.report({ artifact, span: { start: c.start, end: c.end }, message, rationale: c.rationale });
    }
  },
});

/**
 * "Date:", "Owner:" lines with nothing after them and nothing under them (the next line is another
 * label, or after a blank line a heading, a rule or the end): a form left empty. A run of them is one
 * finding.
 */
function emptyLabels(text: string, range: Range, isProse: (line: Range) => boolean): Candidate[] {
  const lines: Range[] = [];
  for (let at = range.start; at <= range.end; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 || nl >= range.end ? range.end : nl;
    lines.push({ start: at, end: end > at && text[end - 1] === '\r' ? end - 1 : end });
    if (end === range.end) break;
    at = nl + 1;
  }
  const src = (i: number): string => (lines[i] ? text.slice(lines[i].start, lines[i].end) : '');
  const blank = (i: number): boolean => src(i).trim() === '';
  const closes = (i: number): boolean =>
    i >= lines.length || /^ {0,3}(?:#{1,6}(?:\s|$)|(?:[-*_][ \t]*){3,}$)/.test(src(i));
  const out: Candidate[] = [];
  let run: { range: Range; names: string[] } | null = null;
  const flush = (): void => {
    if (!run) return;
    const many = run.names.length > 1;
    const what = many
      ? `Empty fields (${quote(firstFew(run.names), 48)})`
      : `${quote(`${run.names[0] as string}:`)} is empty`;
    out.push({
      ...run.range,
      message: `${what}: fill ${many ? 'them' : 'it'} in, or remove ${many ? 'them' : 'it'}`,
      rationale: BLANK_FORM,
    });
    run = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const m = EMPTY_LABEL.exec(src(i));
    const line = lines[i] as Range;
    // Only top-level fields: a nested "- Details:" belongs to the option above it, often one not chosen.
    if (!m || /^[ \t]/.test(src(i)) || !isProse(line)) {
      flush();
      continue;
    }
    // Under it: another label (directly), or, after a blank line, a heading, a rule or the end.
    // A label that is no list item heads the list below it ("**Goals:**" and its bullets); a list item
    // heads the items nested under it. "… as shown below:" ending a paragraph is no label at all.
    const listed = (k: number): boolean => /^(?:[ \t]+\S|[ \t]*(?:[-*+]|\d+[.)])[ \t])/.test(src(k));
    const indent = (k: number): number => /^[ \t]*/.exec(src(k))?.[0].length ?? 0;
    const own = i === 0 || blank(i - 1) || listed(i) || EMPTY_LABEL.test(src(i - 1)) || /^ {0,3}#/.test(src(i - 1));
    let empty =
      own && ANY_LABEL.test(src(i + 1)) && !blank(i + 1) && (listed(i) ? indent(i + 1) <= indent(i) : !listed(i + 1));
    if (!own) empty = false;
    else if (!empty && (i + 1 >= lines.length || blank(i + 1))) {
      let j = i + 1;
      while (j < lines.length && blank(j)) j++;
      empty = closes(j);
    } else if (!empty) empty = closes(i + 1);
    if (!empty) {
      flush();
      continue;
    }
    const name = (m[1] as string).trim();
    if (run && text.slice(run.range.end, line.start).trim() === '') {
      run.range.end = line.end;
      run.names.push(name);
    } else {
      flush();
      run = { range: { start: line.start + (m[0].length - m[0].trimStart().length), end: line.end }, names: [name] };
    }
  }
  flush();
  return out;
}
