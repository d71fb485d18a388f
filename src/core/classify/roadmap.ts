/** Roadmap items: table rows with Why/Outcome/Horizon columns, or sections and list items under horizon headings. */
import type { List, RootContent, Table } from 'mdast';
import type { ParsedDocument } from '../document';
import { lineEndAt, spanOf } from '../document';
import type { Roadmap, RoadmapItem } from '../model';
import type { Span } from '../types';
import fieldVocabulary from '../vocab/roadmap-fields.json';
import { insertAfter, lineIndent } from './insert';
import { isHorizonTitle, wordForm, type SectionNodes } from './sections';
import { contentOffsets, normalizeLabel, offsets, plainText } from './text';
import { kindFromTitle, type HeadingSignal } from './signals';

type Field = Exclude<keyof typeof fieldVocabulary, '$comment'>;
const FIELDS = Object.keys(fieldVocabulary).filter((k) => k !== '$comment') as Field[];

/** The roadmap field a column header or label names, or null. */
export function fieldOf(label: string): Field | null {
  const norm = normalizeLabel(label);
  for (const f of FIELDS) if ((fieldVocabulary[f] as string[]).includes(norm)) return f;
  // "Targeted release", "Estimated release date": the last word names the field.
  const last = norm.split(/\s+/).pop() ?? '';
  if (last !== norm)
    for (const f of ['horizon', 'why'] as const) if ((fieldVocabulary[f] as string[]).includes(last)) return f;
  return null;
}

/** Headings around a roadmap's items that are no items: its introduction, FAQ, contents, glossary, how to take part. */
const NOT_ITEMS =
  /^(?:overview|introduction|intro|summary|vision|mission|about|notes?|legend|how to|context|principles|themes overview|changelog|history|faq|frequently asked|questions|q and a|table of contents|contents|toc|index|credits|acknowledg|disclaimer|glossary|terms|key terms|definitions|terminology|feedback|contributing|contribute|get involved|getting involved|using|guide|process|status|links|resources|references|see also|objectives?|goals?|completed|done|past|archive|license)\b|\b(?:road ?maps?|faq|terms|glossary|goals|objectives|timeline|responsibilities)$/;

/** True when a heading frames the roadmap rather than naming an item (FAQ, table of contents, how to help …). */
export function isNotItem(title: string): boolean {
  return NOT_ITEMS.test(wordForm(title));
}
/** "Why: …" / "**Why**: …" / "Horizon - Q3" at the start of a line. */
const LABEL_LINE =
  /^[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}([A-Za-z][A-Za-z ]{0,30}?)[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*(.*)$/gm;

function labelledFields(doc: ParsedDocument, start: number, end: number, into: Record<string, Span>): void {
  const text = doc.text.slice(start, end);
  LABEL_LINE.lastIndex = 0;
  for (let m = LABEL_LINE.exec(text); m; m = LABEL_LINE.exec(text)) {
    const field = fieldOf(m[1] ?? '');
    const value = (m[2] ?? '').trim();
    if (!field || into[field] || value === '') continue;
    const valueStart = start + m.index + m[0].lastIndexOf(value);
    into[field] = spanOf(doc, valueStart, valueStart + value.length);
  }
}

function tableColumns(table: Table): (Field | null)[] {
  const header = table.children[0];
  return header ? header.children.map((cell) => fieldOf(plainText(cell))) : [];
}

function isRoadmapTable(columns: readonly (Field | null)[], lenient: boolean): boolean {
  const has = (f: Field): boolean => columns.includes(f);
  if (lenient) return has('why') || has('horizon') || has('outcome');
  return (has('why') || has('outcome')) && has('horizon');
}

/**
 * The text between the pipes of each cell of a one-line table row. GFM has every literal pipe in a cell
 * escaped (code spans too), so unescaped pipes are the cell borders; the outer pipes are optional.
 */
function cellBounds(text: string, start: number, end: number): { start: number; end: number }[] {
  const pipes: number[] = [];
  for (let i = start; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') pipes.push(i);
  }
  let from = start;
  let cuts = pipes;
  if (text.slice(start, end).trimStart().startsWith('|') && pipes.length > 0) {
    from = (pipes[0] as number) + 1;
    cuts = pipes.slice(1);
  }
  const out: { start: number; end: number }[] = [];
  for (const p of cuts) {
    out.push({ start: from, end: p });
    from = p + 1;
  }
  if (text.slice(from, end).trim() !== '') out.push({ start: from, end });
  return out;
}

function tableItems(doc: ParsedDocument, table: Table, inherited?: Span): RoadmapItem[] {
  const columns = tableColumns(table);
  let titleColumn = columns.indexOf('title');
  if (titleColumn === -1) titleColumn = columns.indexOf(null);
  if (titleColumn === -1) titleColumn = 0;
  return table.children.slice(1).map((row) => {
    const fields: Record<string, Span> = {};
    const [rs, re] = offsets(row);
    const bounds = cellBounds(doc.text, rs, re);
    let emptyCells: RoadmapItem['emptyCells'];
    columns.forEach((field, i) => {
      const cell = bounds[i];
      if (!field || field === 'title' || !cell || doc.text.slice(cell.start, cell.end).trim() !== '') return;
      (emptyCells ??= {})[field] = cell;
    });
    row.children.forEach((cell, i) => {
      const field = columns[i];
      const [cs, ce] = cell.children.length > 0 ? contentOffsets(cell) : offsets(cell);
      // An empty cell has no children, and its offsets cover the pipe: it is no value.
      if (field && field !== 'title' && cell.children.length > 0 && doc.text.slice(cs, ce).trim() !== '')
        fields[field] = spanOf(doc, cs, ce);
    });
    const titleCell = row.children[titleColumn] ?? row.children[0];
    const title =
      titleCell && titleCell.children.length > 0
        ? spanOf(doc, ...contentOffsets(titleCell))
        : spanOf(doc, ...offsets(row));
    const item: RoadmapItem = {
      kind: 'roadmap-item',
      container: 'table-row',
      span: spanOf(doc, rs, re),
      title,
      fields,
      inheritedHorizon: inherited,
    };
    if (emptyCells) item.emptyCells = emptyCells;
    return item;
  });
}

/** A list item that only names a group of nested items ("CSI Driver" over its features): its items are items too. */
function nestedGroup(item: List['children'][number]): List | null {
  const [head, nested] = item.children;
  if (item.children.length !== 2 || head?.type !== 'paragraph' || nested?.type !== 'list') return null;
  // "Initial plugins:" introduces the parts of one item; "CSI Driver" names a group of items.
  const label = plainText(head).trim();
  return label.split(/\s+/).length <= 4 && !/[:：]$/.test(label) ? nested : null;
}

function listItems(doc: ParsedDocument, list: List, inherited?: Span): RoadmapItem[] {
  return list.children.flatMap((item) => {
    const group = nestedGroup(item);
    return [
      listItem(doc, item, inherited),
      ...(group ? group.children.map((child) => listItem(doc, child, inherited)) : []),
    ];
  });
}

function listItem(doc: ParsedDocument, item: List['children'][number], inherited?: Span): RoadmapItem {
  {
    const head = item.children[0];
    const [hs, he] = head ? offsets(head) : offsets(item);
    const titleEnd = lineEndAt(doc.text, hs, he);
    const fields: Record<string, Span> = {};
    labelledFields(doc, titleEnd, offsets(item)[1], fields);
    return {
      kind: 'roadmap-item',
      container: 'list-item',
      span: spanOf(doc, ...offsets(item)),
      title: spanOf(doc, hs, titleEnd),
      fields,
      inheritedHorizon: inherited,
      insert: insertAfter(doc, he, 0, lineIndent(doc, hs), true),
    };
  }
}

function sectionItem(
  doc: ParsedDocument,
  entry: SectionNodes,
  nodes: readonly RootContent[],
  sub: readonly SectionNodes[],
  inherited?: Span,
): RoadmapItem {
  const fields: Record<string, Span> = {};
  for (const s of sub) {
    const field = fieldOf(s.section.title);
    if (field && !fields[field] && s.section.body.text.trim() !== '') fields[field] = s.section.body;
  }
  const ownEnd = sub[0] ? sub[0].section.heading.start : entry.section.span.end;
  labelledFields(doc, entry.section.heading.end, ownEnd, fields);
  const heading = nodes[entry.headingIndex] as RootContent;
  return {
    kind: 'roadmap-item',
    container: 'section',
    span: entry.section.span,
    title: spanOf(doc, ...contentOffsets(heading as never)),
    fields,
    inheritedHorizon: inherited,
    insert: insertAfter(doc, entry.section.heading.end, 0),
  };
}

/** "[IPython](ipython.md)": an item that only links to where the plan lives. */
function isLinkOnly(text: string): boolean {
  return /^\s*\[[^\]]*\]\([^)]*\)\s*$/.test(text) || /^\s*<?https?:\/\/\S+>?\s*$/.test(text);
}

/** A paragraph that is only bold or italic text on one line ("**Near-Term**"): authors use it as a heading. */
function pseudoHeading(node: RootContent): string | null {
  if (node.type !== 'paragraph' || node.children.length !== 1) return null;
  const only = node.children[0];
  if (!only || (only.type !== 'strong' && only.type !== 'emphasis')) return null;
  const text = plainText(only).trim();
  return text !== '' && !text.includes('\n') ? text : null;
}

/**
 * Lines that name horizons: headings and bold pseudo-headings, list items that open with one
 * ("* Next (the next major release)") and table headers with a horizon column. A document titled
 * "Roadmap" that names none is an essay or a pointer, not a roadmap.
 */
export function roadmapHints(doc: ParsedDocument, flat: readonly SectionNodes[]): HeadingSignal[] {
  const hints: HeadingSignal[] = [];
  const at = (offset: number, text: string): void => {
    if (hints.length < 8) hints.push({ line: doc.lines.positionAt(offset).line, text });
  };
  for (const e of flat)
    if (isHorizonTitle(e.section.title, true) && !isNotItem(e.section.title))
      at(e.section.heading.start, e.section.title);
  for (const node of doc.root.children) {
    const pseudo = pseudoHeading(node);
    if (pseudo && isHorizonTitle(pseudo, true)) at(offsets(node)[0], pseudo);
    if (node.type === 'table' && tableColumns(node).includes('horizon'))
      at(offsets(node)[0], plainText(node.children[0] as never).slice(0, 80));
    if (node.type === 'list') {
      for (const item of node.children) {
        const lead = plainText(item.children[0] ?? item).split(/[(:–—-]/)[0] ?? '';
        if (isHorizonTitle(lead.trim())) at(offsets(item)[0], lead.trim());
      }
    }
  }
  return hints;
}

/** Items under bold pseudo-headings that name horizons, for roadmaps written without Markdown headings. */
function pseudoHorizonItems(
  doc: ParsedDocument,
  nodes: readonly RootContent[],
  taken: Set<RootContent>,
): RoadmapItem[] {
  const items: RoadmapItem[] = [];
  let inherited: Span | undefined;
  for (const node of nodes) {
    if (node.type === 'heading') inherited = undefined;
    const pseudo = pseudoHeading(node);
    if (pseudo !== null) {
      inherited =
        isHorizonTitle(pseudo, true) && !isNotItem(pseudo) ? spanOf(doc, ...contentOffsets(node as never)) : undefined;
      continue;
    }
    if (inherited && !taken.has(node) && node.type === 'list') {
      items.push(...listItems(doc, node, inherited));
      taken.add(node);
    }
  }
  return items;
}

/**
 * Finds the roadmap items of a document. `forced`: the document is a roadmap by front matter, config,
 * file name or title, so looser evidence counts: any Why/Horizon column, versions, years and releases as
 * horizons, top-level sections as items. Headings that frame the roadmap (FAQ, contents, how to help)
 * are neither horizons nor items.
 */
export function findRoadmap(doc: ParsedDocument, flat: readonly SectionNodes[], forced: boolean): Roadmap | null {
  const nodes = doc.root.children;
  const items: RoadmapItem[] = [];
  // The document's title ("IPFS GUI Roadmap 2019") names the whole roadmap, not one of its buckets.
  const isTitle = (e: SectionNodes): boolean => e.section.depth === 1 && kindFromTitle(e.section.title) === 'roadmap';
  const horizonSections = flat.filter(
    (e) => !isTitle(e) && isHorizonTitle(e.section.title, forced) && !isNotItem(e.section.title),
  );
  const taken = new Set<RootContent>();
  if (horizonSections.length >= (forced ? 1 : 2)) {
    for (const h of horizonSections) {
      const inherited = spanOf(doc, ...contentOffsets(nodes[h.headingIndex] as never));
      const subs = flat.filter((e) => e.headingIndex > h.headingIndex && e.endIndex <= h.endIndex);
      for (const node of nodes.slice(h.headingIndex + 1, subs[0]?.headingIndex ?? h.endIndex)) {
        if (node.type === 'table') items.push(...tableItems(doc, node, inherited));
        else if (node.type === 'list') items.push(...listItems(doc, node, inherited));
        taken.add(node);
      }
      const direct = subs.filter(
        (x) =>
          !horizonSections.includes(x) &&
          !subs.some((o) => o !== x && o.headingIndex < x.headingIndex && x.endIndex <= o.endIndex),
      );
      for (const s of direct.filter((x) => !fieldOf(x.section.title) && !isNotItem(x.section.title))) {
        // A sub-section holding only a list groups items ("### Tooling" over bullets): the bullets are the items.
        const own = nodes.slice(s.headingIndex + 1, s.endIndex);
        const inner = subs.filter((x) => x.headingIndex > s.headingIndex && x.endIndex <= s.endIndex);
        if (inner.length === 0 && own.length > 0 && own.every((n) => n.type === 'list')) {
          for (const n of own) if (n.type === 'list') items.push(...listItems(doc, n, inherited));
        } else {
          items.push(sectionItem(doc, s, nodes, inner, inherited));
        }
        for (const n of own) taken.add(n);
      }
    }
  }
  // Bold pseudo-headings count only in a document already known as a roadmap: they are too common elsewhere.
  if (forced) items.push(...pseudoHorizonItems(doc, nodes, taken));
  for (const node of nodes) {
    if (node.type !== 'table' || taken.has(node)) continue;
    const inside = horizonSections.find(
      (h) => offsets(node)[0] > h.section.heading.end && offsets(node)[1] <= h.section.span.end,
    );
    if (inside) continue;
    if (isRoadmapTable(tableColumns(node), forced)) items.push(...tableItems(doc, node));
  }
  if (items.length === 0 && forced) {
    // A roadmap file without horizon headings or tables: its top sections below the title are the items.
    const depths = flat.map((e) => e.section.depth);
    const titleDepth = depths.filter((d) => d === 1).length === 1 ? 1 : 0;
    const itemDepth = Math.min(...depths.filter((d) => d > titleDepth));
    for (const e of flat.filter(
      (x) =>
        x.section.depth === itemDepth &&
        !isNotItem(x.section.title) &&
        !NOT_ITEMS.test(normalizeLabel(x.section.title)),
    )) {
      const inner = flat.filter((x) => x.headingIndex > e.headingIndex && x.endIndex <= e.endIndex);
      // A heading over several item headings ("## Milestones" over "### …") groups them: they are the items.
      const children = inner.filter(
        (x) => x.section.depth === Math.min(...inner.map((i) => i.section.depth)) && !fieldOf(x.section.title),
      );
      const own = nodes.slice(e.headingIndex + 1, inner[0]?.headingIndex ?? e.endIndex);
      // A section that only lists links ("## Subprojects" over per-project roadmap files) points elsewhere.
      if (
        inner.length === 0 &&
        own.length > 0 &&
        own.every(
          (n) =>
            n.type === 'list' && n.children.every((i) => isLinkOnly(doc.text.slice(...contentOffsets(i as never)))),
        )
      )
        continue;
      if (children.length >= 2) {
        // "Milestones below are taken up in 2025": a year or quarter in the group's introduction is its items' horizon.
        const intro = own.filter((n) => n.type === 'paragraph').map((n) => offsets(n));
        let horizon: Span | undefined;
        for (const [a, b] of intro) {
          const m = /(?<![\d.])(?:19|20)\d{2}(?!\d|\.\d)|\b[qQ][1-4]\b/.exec(doc.text.slice(a, b));
          if (m) {
            horizon = spanOf(doc, a + m.index, a + m.index + m[0].length);
            break;
          }
        }
        for (const c of children) {
          const below = inner.filter((x) => x.headingIndex > c.headingIndex && x.endIndex <= c.endIndex);
          const content = nodes.slice(c.headingIndex + 1, c.endIndex);
          // A group heading over bullets only ("### Large files" over its milestones): the bullets are the items.
          if (below.length === 0 && content.length > 0 && content.every((n) => n.type === 'list')) {
            for (const n of content) if (n.type === 'list') items.push(...listItems(doc, n, horizon));
          } else {
            items.push(sectionItem(doc, c, nodes, below, horizon));
          }
        }
      } else {
        items.push(sectionItem(doc, e, nodes, inner));
      }
    }
    if (items.length === 0) {
      // Still nothing: the bullets are the items, unless they sit under a framing heading or only point elsewhere.
      nodes.forEach((node, index) => {
        if (node.type !== 'list') return;
        const around = flat
          .filter((e) => e.section.depth > titleDepth && e.headingIndex < index && index < e.endIndex)
          .pop();
        if (around && isNotItem(around.section.title)) return;
        // "Next (the next major release)" defines a horizon; it is no item.
        items.push(
          ...listItems(doc, node).filter(
            (item) =>
              !isLinkOnly(item.title.text) && !isHorizonTitle((item.title.text.split(/[(:–—]/)[0] ?? '').trim()),
          ),
        );
      });
    }
  }
  if (items.length === 0) return null;
  // "IPFS GUI Working Group Roadmap 2019": a year in the roadmap's title is the horizon of items without one.
  const title = flat.find(isTitle);
  const year = title ? /(?<![\d.])(?:19|20)\d{2}(?!\d|\.\d)/.exec(title.section.title) : null;
  if (title && year) {
    const at = doc.text.indexOf(year[0], title.section.heading.start);
    if (at !== -1 && at < title.section.heading.end) {
      const span = spanOf(doc, at, at + year[0].length);
      for (const item of items) if (!item.inheritedHorizon && !item.fields.horizon) item.inheritedHorizon = span;
    }
  }
  items.sort((a, b) => a.span.start - b.span.start);
  const first = items[0] as RoadmapItem;
  const last = items[items.length - 1] as RoadmapItem;
  return { kind: 'roadmap', span: spanOf(doc, first.span.start, last.span.end), items };
}
