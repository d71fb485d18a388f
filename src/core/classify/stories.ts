/**
 * Locates stories in a document: heading sections, list items, table rows and lines of a paragraph,
 * each with its statement, acceptance criteria and the place where missing criteria would go.
 */
import type { List, ListItem, Paragraph, RootContent, Table, TableRow } from 'mdast';
import type { ParsedDocument } from '../document';
import { spanOf } from '../document';
import type { Story, StoryContainer, StoryStatement } from '../model';
import { cellCriteria, findAcceptanceCriteria, matchesLabel } from './acceptance';
import { insertAfter, lineIndent } from './insert';
import type { SectionNodes } from './sections';
import { statementAt as findStatement } from './statement-cache';
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
type Draft = Omit<Story, 'parent'>;
type DraftGroup = { size: number; stories: Draft[]; others: Draft[] };

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

  constructor(
    private readonly doc: ParsedDocument,
    private readonly labels: readonly string[],
  ) {}

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
    for (let i = at; i < claimed.length; i++) this.reach.push(Math.max(i > 0 ? (this.reach[i - 1] as number) : -1, (claimed[i] as [number, number])[1]));
  }

  /** Stories that are heading sections: the statement is in the heading or the section's first paragraph. */
  scanSections(flat: readonly SectionNodes[]): void {
    const children = this.doc.root.children;
    const bySiblings = new Map<string, { entries: SectionNodes[]; stories: Draft[] }>();
    const open: SectionNodes[] = [];
    for (const entry of flat) {
      while (open.length > 0 && (open[open.length - 1] as SectionNodes).section.depth >= entry.section.depth) open.pop();
      const parent = open[open.length - 1];
      open.push(entry);
      const key = `${parent?.headingIndex ?? -1}:${entry.section.depth}`;
      if (!bySiblings.has(key)) bySiblings.set(key, { entries: [], stories: [] });
      const group = bySiblings.get(key) as { entries: SectionNodes[]; stories: Draft[] };
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
      }
      if (!statement) continue;
      group.stories.push(this.sectionStory(entry, statement, statementNode));
    }
    for (const { entries, stories } of bySiblings.values()) {
      if (stories.length === 0) continue;
      const others: Draft[] = [];
      const storyStarts = new Set(stories.map((s) => s.span.start));
      for (const entry of entries) {
        if (storyStarts.has(entry.section.span.start) || this.isClaimed(entry.section.heading.start)) continue;
        const firstPara = children.slice(entry.headingIndex + 1, entry.endIndex).find((n) => n.type === 'paragraph');
        const paraText = firstPara ? plainText(firstPara) : '';
        if (!STORY_ID_TITLE.test(normalizeLabel(entry.section.title).toUpperCase()) && !ATTEMPT.test(paraText) && !ATTEMPT.test(entry.section.title)) continue;
        const target = firstPara ?? (children[entry.headingIndex] as RootContent);
        // Not claimed: stories in lists or tables inside such a section are still found.
        others.push(this.sectionStory(entry, invalidStatement(this.doc, ...offsets(target)), target, false));
      }
      this.groups.push({ size: entries.length, stories, others });
    }
  }

  private sectionStory(entry: SectionNodes, statement: StoryStatement, statementNode: RootContent, claim = true): Draft {
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
    for (const node of nodes) {
      if (this.isClaimed(offsets(node)[0])) continue;
      if (node.type === 'list') this.scanList(node);
      else if (node.type === 'table') this.scanTable(node);
      else if (node.type === 'paragraph') this.scanParagraph(node);
      else if (node.type === 'blockquote') this.scanBlocks(node.children);
    }
  }

  private scanList(list: List): void {
    const group: DraftGroup = { size: list.children.length, stories: [], others: [] };
    const nestedLists: List[] = [];
    for (const item of list.children) {
      const head = item.children[0];
      const statement = head && head.type === 'paragraph' ? findStatement(this.doc.text.slice(...offsets(head)), offsets(head)[0]) : null;
      if (statement && head) {
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
    for (const row of rows) {
      const story = this.rowStory(row, acColumn);
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

  /** One story per line ("As a …" lines one under another, as many backlogs are kept). */
  private scanParagraph(p: Paragraph): void {
    const [ps, pe] = offsets(p);
    // Lines end as the parser ends them: at \n, \r\n or a lone \r (the break is not part of the line).
    const lines: [number, number][] = [];
    const breaks = /\r\n?|\n/g;
    breaks.lastIndex = ps;
    for (let s = ps; s < pe; ) {
      const m = breaks.exec(this.doc.text);
      const e = !m || m.index > pe ? pe : m.index;
      lines.push([s, e]);
      s = e + (m && m.index <= pe ? m[0].length : 1);
    }
    const opens = lines.map(([s, e]) => findStatement(this.doc.text.slice(s, e), s) !== null);
    const group: DraftGroup = { size: 0, stories: [], others: [] };
    for (let i = 0; i < lines.length; i++) {
      const [s, e0] = lines[i] as [number, number];
      let j = i + 1;
      while (j < lines.length && !opens[j]) j++;
      const e = opens[i] ? (lines[j - 1] as [number, number])[1] : e0;
      group.size++;
      const container: StoryContainer = 'line';
      if (opens[i]) {
        const statement = findStatement(this.doc.text.slice(s, e), s) as StoryStatement;
        this.claim(s, e);
        group.stories.push({ kind: 'story', container, span: spanOf(this.doc, s, e), statement, acceptanceCriteria: null, index: 0 });
        i = j - 1;
      } else if (this.doc.text.slice(s, e).trim() !== '') {
        group.others.push({ kind: 'story', container, span: spanOf(this.doc, s, e), statement: invalidStatement(this.doc, s, e), acceptanceCriteria: null, index: 0 });
      }
    }
    if (group.stories.length > 0) this.groups.push(group);
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
    const [s, e] = node.type === 'heading' ? contentOffsets(node) : offsets(node.type === 'blockquote' ? (node.children[0] ?? node) : node);
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
  const topDepth = Math.min(...doc.root.children.filter((n) => n.type === 'heading').map((h) => (h as { depth: number }).depth), 6);
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
