/**
 * Locates stories in a document: heading sections, list items, table rows and lines of a paragraph,
 * each with its statement, acceptance criteria and the place where missing criteria would go.
 */
import type { Code, Html, List, ListItem, Paragraph, RootContent, Table, TableRow } from 'mdast';
import type { ParsedDocument } from '../document';
import type { Span } from '../types';
import { spanOf } from '../document';
import type { Story, StoryStatement } from '../model';
import { cellCriteria, findAcceptanceCriteria, matchesLabel } from './acceptance';
import { insertAfter, lineIndent } from './insert';
import type { SectionNodes } from './sections';
import { opensWithRole, STORY_LABELS, storyColumn, type Stem, type StoryColumn } from './statement';
import { continuationAt, statementAt as findStatement, stemAt } from './statement-cache';
import { contentOffsets, normalizeLabel, offsets, plainText } from './text';

/** Stories found together (one list, one table, one paragraph, one set of sibling sections). */
export interface StoryGroup {
  /** How many items the group has in all, stories or not. */
  size: number;
  stories: Story[];
  /** Items of the group that are not stories, kept to report them when the group is a backlog. */
  others: Story[];
}

/** A story being built; its parent kind is known only once the document's kind is decided. */
export type Draft = Omit<Story, 'parent'>;
/** `weak`: found in a code block, where stories are often examples; such a group alone does not make a backlog. */
export type DraftGroup = { size: number; stories: Draft[]; others: Draft[]; weak?: boolean };
/** What the kind decision and the model read of the located stories. */
export interface LocatedGroups {
  readonly groups: readonly DraftGroup[];
}
/** Sibling sections (same parent, same depth) and the ones among them that are stories. */
export interface SectionSiblings {
  entries: SectionNodes[];
  stories: Draft[];
}

/** Code blocks whose lines are read like paragraphs: plain text and Markdown, where authors keep stories verbatim. */
const TEXT_CODE = /^(?:|te?xt|md|markdown|plain|plaintext|none)$/i;

/** The configured labels plus every language's labels of the vocabulary, computed once per configured list. */
const allLabels = new WeakMap<readonly string[], readonly string[]>();
function withVocabularyLabels(labels: readonly string[]): readonly string[] {
  let out = allLabels.get(labels);
  if (!out) {
    out = [...new Set([...labels, ...STORY_LABELS])];
    allLabels.set(labels, out);
  }
  return out;
}

const ATTEMPT = /\b(?:i\s+want|i\s+need|so\s+that|as\s+an?\s)/i;
const STORY_ID_TITLE = /^(?:[A-Z][A-Z0-9]*-\d+|#?\d+\b|(?:user\s+)?story\b|us\s*-?\d+)/i;

function invalidStatement(doc: ParsedDocument, start: number, end: number): StoryStatement {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(doc.text[s] as string)) s++;
  while (e > s && /\s/.test(doc.text[e - 1] as string)) e--;
  return { span: spanOf(doc, s, e), template: 'invalid' };
}

export class StoryLocator {
  readonly groups: DraftGroup[] = [];
  /**
   * Offsets already claimed by a story, so nothing inside one is taken as another: sorted by start,
   * and `reach[i]` is the furthest end among the first i + 1, so a lookup is a binary search.
   */
  private readonly claimed: [number, number][] = [];
  private reach: number[] = [];

  private readonly labels: readonly string[];

  constructor(
    private readonly doc: ParsedDocument,
    labels: readonly string[],
  ) {
    this.labels = withVocabularyLabels(labels);
  }

  private isClaimed(offset: number): boolean {
    // The last claim starting at or before `offset`; any claim holding it ends past it.
    let lo = 0;
    let hi = this.claimed.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.claimed[mid] as [number, number])[0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && (this.reach[found] as number) > offset;
  }

  private claim(start: number, end: number): void {
    const claimed = this.claimed;
    let at = claimed.length;
    while (at > 0 && (claimed[at - 1] as [number, number])[0] > start) at--;
    claimed.splice(at, 0, [start, end]);
    // Claims come mostly in document order, so this recomputes a short tail.
    this.reach.length = at;
    for (let i = at; i < claimed.length; i++)
      this.reach.push(Math.max(i > 0 ? (this.reach[i - 1] as number) : -1, (claimed[i] as [number, number])[1]));
  }

  /** Stories that are heading sections: the statement is in the heading or the section's first paragraph. */
  scanSections(flat: readonly SectionNodes[]): void {
    for (const { entries, stories } of this.sectionSiblings(flat)) {
      if (stories.length === 0) continue;
      this.groups.push({ size: entries.length, stories, others: this.sectionOthers(entries, stories) });
    }
  }

  /**
   * The sections of `flat` by sibling set (same parent, same depth), in the order the sets first appear,
   * with the ones that are stories; a story section claims its span.
   */
  sectionSiblings(flat: readonly SectionNodes[]): SectionSiblings[] {
    const children = this.doc.root.children;
    const bySiblings = new Map<string, SectionSiblings>();
    const open: SectionNodes[] = [];
    for (const entry of flat) {
      while (open.length > 0 && (open[open.length - 1] as SectionNodes).section.depth >= entry.section.depth)
        open.pop();
      const parent = open[open.length - 1];
      open.push(entry);
      const key = `${parent?.headingIndex ?? -1}:${entry.section.depth}`;
      if (!bySiblings.has(key)) bySiblings.set(key, { entries: [], stories: [] });
      const group = bySiblings.get(key) as SectionSiblings;
      group.entries.push(entry);
      if (this.isClaimed(entry.section.heading.start)) continue;
      const heading = children[entry.headingIndex] as RootContent & { children: RootContent[] };
      const [cs, ce] = contentOffsets(heading as never);
      let statement = findStatement(this.doc.text.slice(cs, ce), cs);
      let statementNode: RootContent = heading;
      const firstPara = children.slice(entry.headingIndex + 1, entry.endIndex).find((n) => n.type !== 'html');
      if (!statement && firstPara && firstPara.type === 'paragraph') {
        const [ps, pe] = offsets(firstPara);
        statement = findStatement(this.doc.text.slice(ps, pe), ps);
        statementNode = firstPara;
        // A section with several statements ("## Main stories" over one story per paragraph) is a group, not a story.
        if (
          statement &&
          this.storyStarts(firstPara) +
            this.statementsIn(children.slice(entry.headingIndex + 1, entry.endIndex), firstPara) >
            1
        )
          statement = null;
      }
      if (!statement) continue;
      group.stories.push(this.sectionStory(entry, statement, statementNode));
    }
    return [...bySiblings.values()];
  }

  /** Sections of a sibling set that holds stories which look like stories but are not (reported when the set is a backlog). */
  sectionOthers(entries: readonly SectionNodes[], stories: readonly Draft[]): Draft[] {
    const children = this.doc.root.children;
    const others: Draft[] = [];
    const storyStarts = new Set(stories.map((s) => s.span.start));
    for (const entry of entries) {
      if (storyStarts.has(entry.section.span.start) || this.isClaimed(entry.section.heading.start)) continue;
      const firstPara = children.slice(entry.headingIndex + 1, entry.endIndex).find((n) => n.type === 'paragraph');
      const paraText = firstPara ? plainText(firstPara) : '';
      if (
        !STORY_ID_TITLE.test(normalizeLabel(entry.section.title).toUpperCase()) &&
        !ATTEMPT.test(paraText) &&
        !ATTEMPT.test(entry.section.title)
      )
        continue;
      const target = firstPara ?? (children[entry.headingIndex] as RootContent);
      // Not claimed: stories in lists or tables inside such a section are still found.
      others.push(this.sectionStory(entry, invalidStatement(this.doc, ...offsets(target)), target, false));
    }
    return others;
  }

  /** How many lines of a paragraph open a story. */
  private storyStarts(p: Paragraph): number {
    return this.lineRuns(...offsets(p), false).filter((r) => r.statement).length;
  }

  /** How many of `nodes` (other than `skip`) hold a story statement: headings, paragraphs, list items, stems. */
  private statementsIn(nodes: readonly RootContent[], skip?: RootContent): number {
    let n = 0;
    for (const node of nodes) {
      if (node === skip) continue;
      if (node.type === 'heading') {
        const [cs, ce] = contentOffsets(node as never);
        if (findStatement(this.doc.text.slice(cs, ce), cs)) n++;
      } else if (node.type === 'paragraph') {
        n += this.storyStarts(node);
        if (stemAt(this.doc.text.slice(...offsets(node)), offsets(node)[0])) n += 2;
      } else if (node.type === 'list') {
        for (const item of node.children) {
          const head = item.children[0];
          if (head?.type === 'paragraph' && findStatement(this.doc.text.slice(...offsets(head)), offsets(head)[0])) n++;
        }
      }
      if (n > 1) return n;
    }
    return n;
  }

  private sectionStory(
    entry: SectionNodes,
    statement: StoryStatement,
    statementNode: RootContent,
    claim = true,
  ): Draft {
    const children = this.doc.root.children;
    const body = children.slice(entry.headingIndex + 1, entry.endIndex);
    const afterStatement = body.filter((n) => offsets(n)[0] >= offsets(statementNode)[1]);
    const span = entry.section.span;
    if (claim) this.claim(span.start, span.end);
    return {
      kind: 'story',
      container: 'section',
      span,
      title: entry.section.heading,
      statement,
      acceptanceCriteria: findAcceptanceCriteria(this.doc, afterStatement, this.labels),
      acceptanceCriteriaInsert: insertAfter(this.doc, offsets(statementNode)[1], Math.min(entry.section.depth + 1, 6)),
      index: 0,
    };
  }

  /** Stories in the blocks outside sections already taken: lists, tables, paragraphs, block quotes. */
  scanBlocks(nodes: readonly RootContent[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as RootContent;
      if (this.isClaimed(offsets(node)[0])) continue;
      if (node.type === 'list') this.scanList(node);
      else if (node.type === 'table') this.scanTable(node);
      else if (node.type === 'paragraph') {
        const next = nodes[i + 1];
        const stem = next?.type === 'list' || next?.type === 'code' ? this.stemOf(node) : null;
        if (stem && next?.type === 'list') {
          this.scanContinuations(next, stem);
          i++;
        } else if (stem && next?.type === 'code') {
          this.scanCodeContinuations(next, stem);
          i++;
        } else {
          this.scanParagraph(node, nodes, i + 1);
        }
      } else if (node.type === 'blockquote') this.scanBlocks(node.children);
      else if (node.type === 'code' && TEXT_CODE.test(node.lang ?? '')) this.scanCode(node);
      else if (node.type === 'html') this.scanHtml(node);
    }
  }

  /** The stem a paragraph ends with: the whole paragraph, or its last line. */
  private stemOf(p: Paragraph): Stem | null {
    const [ps, pe] = offsets(p);
    const text = this.doc.text.slice(ps, pe);
    const whole = stemAt(text, ps);
    if (whole) return whole;
    const lastLine = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
    return lastLine > 0 ? stemAt(text.slice(lastLine), ps + lastLine) : null;
  }

  /** The items of a list under a stem ("As an admin, I want:"), each a story with the stem's role. */
  private scanContinuations(list: List, stem: Stem): void {
    const group: DraftGroup = { size: list.children.length, stories: [], others: [] };
    for (const item of list.children) {
      const head = item.children[0];
      if (head?.type !== 'paragraph') continue;
      const [hs, he] = offsets(head);
      const text = this.doc.text.slice(hs, he);
      const statement = findStatement(text, hs) ?? continuationAt(text, hs, stem);
      if (statement) group.stories.push(this.listItemStory(item, head, statement));
      else group.others.push(this.listItemStory(item, head, invalidStatement(this.doc, hs, he), false));
    }
    if (group.stories.length > 0) this.groups.push(group);
  }

  /** Lines of an indented or fenced block under a stem ("As the developer, we want to:"), each a goal. */
  private scanCodeContinuations(code: Code, stem: Stem): void {
    const [cs, ce] = offsets(code);
    const group: DraftGroup = { size: 0, stories: [], others: [] };
    const text = this.doc.text;
    for (let s = cs; s < ce; ) {
      let e = text.indexOf('\n', s);
      if (e === -1 || e > ce) e = ce;
      const line = text.slice(s, e);
      if (line.trim() !== '' && !/^\s*(?:`{3,}|~{3,})/.test(line)) {
        group.size++;
        const statement = findStatement(line, s) ?? continuationAt(line.replace(/^(\s*)o(?=\s)/, '$1 '), s, stem);
        if (statement) {
          this.claim(s, e);
          group.stories.push({
            kind: 'story',
            container: 'line',
            span: spanOf(this.doc, s, e),
            statement,
            acceptanceCriteria: null,
            index: 0,
          });
        }
      }
      s = e + 1;
    }
    if (group.stories.length > 0) this.groups.push(group);
  }

  /** Lines of a plain-text or Markdown code block, read like a paragraph's (a blank line ends a story). */
  private scanCode(code: Code): void {
    const [cs, ce] = offsets(code);
    const group: DraftGroup = { size: 0, stories: [], others: [], weak: true };
    for (const run of this.lineRuns(cs, ce, true)) {
      group.size++;
      if (!run.statement) continue;
      this.claim(run.start, run.end);
      group.stories.push({
        kind: 'story',
        container: 'line',
        span: spanOf(this.doc, run.start, run.end),
        statement: run.statement,
        acceptanceCriteria: null,
        index: 0,
      });
    }
    if (group.stories.length > 0) this.groups.push(group);
  }

  /** Text between the tags of an HTML block (table cells, mostly): each run that opens a statement is a story. */
  private scanHtml(node: Html): void {
    const [hs, he] = offsets(node);
    const text = this.doc.text.slice(hs, he);
    const group: DraftGroup = { size: 0, stories: [], others: [] };
    const between = />([^<>]+)</g;
    for (let m = between.exec(text); m; m = between.exec(text)) {
      const inner = m[1] as string;
      if (!/\p{L}/u.test(inner)) continue;
      group.size++;
      const start = hs + m.index + 1 + (inner.length - inner.trimStart().length);
      const end = hs + m.index + 1 + inner.trimEnd().length;
      const statement = findStatement(this.doc.text.slice(start, end), start);
      if (!statement) continue;
      this.claim(start, end);
      group.stories.push({
        kind: 'story',
        container: 'table-row',
        span: spanOf(this.doc, start, end),
        statement,
        acceptanceCriteria: null,
        index: 0,
      });
    }
    if (group.stories.length > 0) this.groups.push(group);
  }

  private scanList(list: List): void {
    const group: DraftGroup = { size: list.children.length, stories: [], others: [] };
    const nestedLists: List[] = [];
    for (const item of list.children) {
      const head = item.children[0];
      const statement =
        head && head.type === 'paragraph'
          ? findStatement(this.doc.text.slice(...offsets(head)), offsets(head)[0])
          : null;
      const nested = item.children.find((c): c is List => c.type === 'list');
      // "As an admin, I want:" reads as a statement without a goal; with bullets under it, it is their stem.
      const stem = !statement?.means && nested && head && head.type === 'paragraph' ? this.stemOf(head) : null;
      if (stem && nested) {
        group.size--;
        this.scanContinuations(nested, stem);
      } else if (statement && head) {
        group.stories.push(this.listItemStory(item, head as Paragraph, statement));
      } else {
        for (const child of item.children) if (child.type === 'list') nestedLists.push(child);
        if (head && head.type === 'paragraph' && !matchesLabel(plainText(head), this.labels)) {
          group.others.push(this.listItemStory(item, head, invalidStatement(this.doc, ...offsets(head)), false));
        }
      }
    }
    if (group.stories.length > 0) this.groups.push(group);
    for (const nested of nestedLists) this.scanList(nested);
  }

  private listItemStory(item: ListItem, head: Paragraph, statement: StoryStatement, claim = true): Draft {
    const [is, ie] = offsets(item);
    if (claim) this.claim(is, ie);
    const [, he] = offsets(head);
    const indent = lineIndent(this.doc, offsets(head)[0]);
    return {
      kind: 'story',
      container: 'list-item',
      span: spanOf(this.doc, is, ie),
      statement,
      acceptanceCriteria: findAcceptanceCriteria(this.doc, item.children.slice(1), this.labels, true),
      acceptanceCriteriaInsert: insertAfter(this.doc, he, 0, indent, true),
      index: 0,
    };
  }

  private scanTable(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const acColumn = header.children.findIndex((cell) => {
      const title = plainText(cell);
      return matchesLabel(title, this.labels) || /\b(?:acceptance|criteria)\b/i.test(title);
    });
    const group: DraftGroup = { size: rows.length, stories: [], others: [] };
    const columns = header.children.map((cell) => storyColumn(plainText(cell)));
    const at = (c: StoryColumn): number => columns.findIndex((x) => x?.column === c);
    const parts = { role: at('role'), want: at('want'), benefit: at('benefit') };
    const language = columns.find((c) => c?.language)?.language;
    for (const row of rows) {
      const story =
        parts.role >= 0 && parts.want >= 0
          ? this.columnStory(row, parts, acColumn, language)
          : this.rowStory(row, acColumn);
      if (story) group.stories.push(story);
      else group.others.push(this.rowDraft(row, acColumn, invalidStatement(this.doc, ...offsets(row))));
    }
    if (group.stories.length > 0) this.groups.push(group);
  }

  private rowStory(row: TableRow, acColumn: number): Draft | null {
    for (const [i, cell] of row.children.entries()) {
      if (i === acColumn) continue;
      const [cs, ce] = offsets(cell);
      const statement = findStatement(this.doc.text.slice(cs, ce).replace(/^\|/, ' '), cs);
      if (statement) return this.rowDraft(row, acColumn, statement);
    }
    return null;
  }

  /** A row of a table whose columns are the story's parts ("As a … | I want to … | So that I can …"). */
  private columnStory(
    row: TableRow,
    parts: Record<StoryColumn, number>,
    acColumn: number,
    language: string | undefined,
  ): Draft | null {
    const cell = (i: number): Span | undefined => {
      const c = i >= 0 ? row.children[i] : undefined;
      if (!c) return undefined;
      let [s, e] = offsets(c);
      while (s < e && /[\s|]/.test(this.doc.text[s] as string)) s++;
      while (e > s && /[\s|]/.test(this.doc.text[e - 1] as string)) e--;
      return e > s ? spanOf(this.doc, s, e) : undefined;
    };
    const role = cell(parts.role);
    const means = cell(parts.want);
    if (!role || !means) return null;
    const ends = cell(parts.benefit);
    const used = [role, means, ends].filter((x): x is Span => x !== undefined);
    const start = Math.min(...used.map((x) => x.start));
    const end = Math.max(...used.map((x) => x.end));
    const statement: StoryStatement = {
      span: spanOf(this.doc, start, end),
      template: 'connextra',
      form: 'connextra',
      language,
      role,
      means,
      ends,
    };
    return this.rowDraft(row, acColumn, statement);
  }

  private rowDraft(row: TableRow, acColumn: number, statement: StoryStatement): Draft {
    const acCell = acColumn >= 0 ? row.children[acColumn] : undefined;
    return {
      kind: 'story',
      container: 'table-row',
      span: spanOf(this.doc, ...offsets(row)),
      statement,
      acceptanceCriteria: acCell ? cellCriteria(this.doc, acCell) : null,
      index: 0,
    };
  }

  /**
   * A paragraph's lines as runs: a run starts at a line that opens a story (or any line, when none does) and
   * takes the lines after it up to the next such line, so "As a … / I want … / So that …" on three lines is one
   * statement. Lines end at line breaks and at `<br>` tags. In a code block a blank line also ends a run.
   */
  private lineRuns(
    start: number,
    end: number,
    blankEnds: boolean,
  ): { start: number; end: number; statement: StoryStatement | null }[] {
    const text = this.doc.text;
    const lines: [number, number][] = [];
    const breaks = /\r\n?|\n|<br\s*\/?>/gi;
    breaks.lastIndex = start;
    for (let s = start; s < end; ) {
      const m = breaks.exec(text);
      const e = !m || m.index > end ? end : m.index;
      lines.push([s, e]);
      if (!m || m.index > end) break;
      s = e + m[0].length;
    }
    const blank = lines.map(([s, e]) => text.slice(s, e).trim() === '' || /^\s*(?:`{3,}|~{3,})/.test(text.slice(s, e)));
    const opens = lines.map(
      ([s, e], i) => !blank[i] && (opensWithRole(text.slice(s, e)) || findStatement(text.slice(s, e), s) !== null),
    );
    const runs: { start: number; end: number; statement: StoryStatement | null }[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (blank[i]) continue;
      const [s, e0] = lines[i] as [number, number];
      if (!opens[i]) {
        runs.push({ start: s, end: e0, statement: null });
        continue;
      }
      // The run ends before the next opening line; when that leaves no statement, take up to two more openers in.
      let statement: StoryStatement | null = null;
      let j = i + 1;
      for (let tries = 0; tries < 3 && !statement; tries++) {
        while (j < lines.length && !opens[j] && !(blankEnds && blank[j])) j++;
        statement = findStatement(text.slice(s, (lines[j - 1] as [number, number])[1]), s);
        if (!statement && j < lines.length && opens[j]) j++;
        else break;
      }
      if (!statement) {
        j = i + 1;
        runs.push({ start: s, end: e0, statement: null });
        continue;
      }
      // Lines past the statement's end that belong to no story stay in this run (notes under it).
      runs.push({ start: s, end: (lines[j - 1] as [number, number])[1], statement });
      i = j - 1;
    }
    return runs;
  }

  /**
   * One story per line run ("As a …" lines one under another, as many backlogs are kept). The last story also
   * takes its criteria from the blocks after the paragraph, up to the next heading, rule or story.
   */
  private scanParagraph(p: Paragraph, siblings: readonly RootContent[] = [], next = 0): void {
    const [ps, pe] = offsets(p);
    const group: DraftGroup = { size: 0, stories: [], others: [] };
    for (const run of this.lineRuns(ps, pe, false)) {
      group.size++;
      const span = spanOf(this.doc, run.start, run.end);
      if (run.statement) {
        this.claim(run.start, run.end);
        group.stories.push({
          kind: 'story',
          container: 'line',
          span,
          statement: run.statement,
          acceptanceCriteria: null,
          index: 0,
        });
      } else {
        group.others.push({
          kind: 'story',
          container: 'line',
          span,
          statement: invalidStatement(this.doc, run.start, run.end),
          acceptanceCriteria: null,
          index: 0,
        });
      }
    }
    if (group.stories.length === 0) return;
    this.groups.push(group);
    const last = group.stories[group.stories.length - 1] as Draft;
    const after: RootContent[] = [];
    for (let k = next; k < siblings.length && k < next + 30; k++) {
      const node = siblings[k] as RootContent;
      if (node.type === 'heading' || node.type === 'thematicBreak' || this.statementsIn([node]) > 0) break;
      after.push(node);
    }
    const criteria = findAcceptanceCriteria(this.doc, after, this.labels);
    if (criteria) {
      last.acceptanceCriteria = criteria;
      last.span = spanOf(this.doc, last.span.start, Math.max(last.span.end, criteria.span.end));
      this.claim(last.span.start, last.span.end);
    }
  }
}

/**
 * The lone story of a story document: its first statement, with acceptance criteria searched in
 * everything after it. `statementNode` is the block holding the statement (or null when none was found).
 */
export function documentStory(doc: ParsedDocument, labels: readonly string[]): Omit<Story, 'parent'> {
  const nodes = doc.root.children.filter((n) => n.type !== 'yaml' && n.type !== 'html');
  let statement: StoryStatement | null = null;
  let statementNode: RootContent | undefined;
  for (const node of nodes) {
    if (node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'blockquote') continue;
    const [s, e] =
      node.type === 'heading'
        ? contentOffsets(node)
        : offsets(node.type === 'blockquote' ? (node.children[0] ?? node) : node);
    statement = findStatement(doc.text.slice(s, e), s);
    if (statement) {
      statementNode = node;
      break;
    }
  }
  const firstPara = nodes.find((n) => n.type === 'paragraph');
  if (!statementNode) statementNode = firstPara ?? nodes[0];
  const [ss, se] = statementNode ? offsets(statementNode) : [0, 0];
  const after = doc.root.children.filter((n) => offsets(n)[0] >= se);
  const title = nodes[0]?.type === 'heading' ? spanOf(doc, ...offsets(nodes[0])) : undefined;
  const topDepth = Math.min(
    ...doc.root.children.filter((n) => n.type === 'heading').map((h) => (h as { depth: number }).depth),
    6,
  );
  return {
    kind: 'story',
    container: 'document',
    span: spanOf(doc, 0, doc.text.length),
    title,
    statement: statement ?? invalidStatement(doc, ss, se),
    acceptanceCriteria: findAcceptanceCriteria(doc, after, labels),
    acceptanceCriteriaInsert: insertAfter(doc, se, Number.isFinite(topDepth) && topDepth < 6 ? topDepth + 1 : 2),
    index: 0,
  };
}
