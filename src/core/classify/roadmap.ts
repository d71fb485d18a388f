/** Roadmap items: table rows with Why/Outcome/Horizon columns, or sections and list items under horizon headings. */
import type { List, RootContent, Table } from 'mdast';
import type { ParsedDocument } from '../document';
import { lineEndAt, spanOf } from '../document';
import type { Roadmap, RoadmapItem } from '../model';
import type { Span } from '../types';
import fieldVocabulary from '../vocab/roadmap-fields.json';
import { insertAfter, lineIndent } from './insert';
import { isHorizonTitle, type SectionNodes } from './sections';
import { contentOffsets, normalizeLabel, offsets, plainText } from './text';

type Field = Exclude<keyof typeof fieldVocabulary, '$comment'>;
const FIELDS = Object.keys(fieldVocabulary).filter((k) => k !== '$comment') as Field[];

/** The roadmap field a column header or label names, or null. */
export function fieldOf(label: string): Field | null {
  const norm = normalizeLabel(label);
  for (const f of FIELDS) if ((fieldVocabulary[f] as string[]).includes(norm)) return f;
  return null;
}

const NOT_ITEMS = /^(?:overview|introduction|intro|summary|vision|about|notes?|legend|how to read|context|principles|themes overview|changelog|history)\b/;
/** "Why: …" / "**Why**: …" / "Horizon - Q3" at the start of a line. */
const LABEL_LINE = /^[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}([A-Za-z][A-Za-z ]{0,30}?)[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*(.*)$/gm;

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

function tableItems(doc: ParsedDocument, table: Table, inherited?: Span): RoadmapItem[] {
  const columns = tableColumns(table);
  let titleColumn = columns.indexOf('title');
  if (titleColumn === -1) titleColumn = columns.findIndex((c) => c === null);
  if (titleColumn === -1) titleColumn = 0;
  return table.children.slice(1).map((row) => {
    const fields: Record<string, Span> = {};
    row.children.forEach((cell, i) => {
      const field = columns[i];
      const [cs, ce] = cell.children.length > 0 ? contentOffsets(cell) : offsets(cell);
      // An empty cell has no children, and its offsets cover the pipe: it is no value.
      if (field && field !== 'title' && cell.children.length > 0 && doc.text.slice(cs, ce).trim() !== '') fields[field] = spanOf(doc, cs, ce);
    });
    const titleCell = row.children[titleColumn] ?? row.children[0];
    const title = titleCell && titleCell.children.length > 0 ? spanOf(doc, ...contentOffsets(titleCell)) : spanOf(doc, ...offsets(row));
    return { kind: 'roadmap-item', container: 'table-row', span: spanOf(doc, ...offsets(row)), title, fields, inheritedHorizon: inherited };
  });
}

function listItems(doc: ParsedDocument, list: List, inherited?: Span): RoadmapItem[] {
  return list.children.map((item) => {
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
  });
}

function sectionItem(doc: ParsedDocument, entry: SectionNodes, nodes: readonly RootContent[], sub: readonly SectionNodes[], inherited?: Span): RoadmapItem {
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

/**
 * Finds the roadmap items of a document. `forced`: the document is a roadmap by front matter, config or
 * file name, so looser evidence (any Why/Horizon column, top-level sections) counts.
 */
export function findRoadmap(doc: ParsedDocument, flat: readonly SectionNodes[], forced: boolean): Roadmap | null {
  const nodes = doc.root.children;
  const items: RoadmapItem[] = [];
  const horizonSections = flat.filter((e) => isHorizonTitle(e.section.title));
  const taken = new Set<RootContent>();
  if (horizonSections.length >= (forced ? 1 : 2)) {
    for (const h of horizonSections) {
      const inherited = spanOf(doc, ...contentOffsets(nodes[h.headingIndex] as never));
      const subs = flat.filter((e) => e.headingIndex > h.headingIndex && e.endIndex <= h.endIndex);
      const childDepth = Math.min(...subs.map((s) => s.section.depth));
      for (const node of nodes.slice(h.headingIndex + 1, subs[0]?.headingIndex ?? h.endIndex)) {
        if (node.type === 'table') items.push(...tableItems(doc, node, inherited));
        else if (node.type === 'list') items.push(...listItems(doc, node, inherited));
        taken.add(node);
      }
      for (const s of subs.filter((x) => x.section.depth === childDepth && !fieldOf(x.section.title))) {
        const inner = subs.filter((x) => x.headingIndex > s.headingIndex && x.endIndex <= s.endIndex);
        items.push(sectionItem(doc, s, nodes, inner, inherited));
      }
    }
  }
  for (const node of nodes) {
    if (node.type !== 'table' || taken.has(node)) continue;
    const inside = horizonSections.find((h) => offsets(node)[0] > h.section.heading.end && offsets(node)[1] <= h.section.span.end);
    if (inside) continue;
    if (isRoadmapTable(tableColumns(node), forced)) items.push(...tableItems(doc, node));
  }
  if (items.length === 0 && forced) {
    // A roadmap file without horizon headings or tables: its top sections below the title are the items.
    const depths = flat.map((e) => e.section.depth);
    const titleDepth = depths.filter((d) => d === 1).length === 1 ? 1 : 0;
    const itemDepth = Math.min(...depths.filter((d) => d > titleDepth));
    for (const e of flat.filter((x) => x.section.depth === itemDepth && !NOT_ITEMS.test(normalizeLabel(x.section.title)))) {
      const inner = flat.filter((x) => x.headingIndex > e.headingIndex && x.endIndex <= e.endIndex);
      items.push(sectionItem(doc, e, nodes, inner));
    }
    if (items.length === 0) {
      for (const node of nodes) if (node.type === 'list') items.push(...listItems(doc, node));
    }
  }
  if (items.length === 0) return null;
  items.sort((a, b) => a.span.start - b.span.start);
  const first = items[0] as RoadmapItem;
  const last = items[items.length - 1] as RoadmapItem;
  return { kind: 'roadmap', span: spanOf(doc, first.span.start, last.span.end), items };
}
