/** Heading sections of a document, and which named section (problem, audience, …) a heading is. */
import type { Heading, Root, RootContent } from 'mdast';
import { memoByText } from '../memo';
import type { ParsedDocument } from '../document';
import { spanOf } from '../document';
import type { Section } from '../model';
import vocabulary from '../vocab/sections.json';
import { contentOffsets, normalizeLabel, offsets, plainText } from './text';

export type SectionKind = Exclude<keyof typeof vocabulary, '$comment'>;
const SECTION_KINDS = Object.keys(vocabulary).filter((k) => k !== '$comment') as SectionKind[];
/** Kinds matched by a heading's leading words too ("Risks and mitigations"); horizons only match whole. */
const PREFIX_KINDS = new Set<SectionKind>(SECTION_KINDS.filter((k) => k !== 'horizon'));

const aliasIndex: { alias: string; kind: SectionKind }[] = SECTION_KINDS.flatMap((kind) =>
  (vocabulary[kind] as string[]).map((alias) => ({ alias, kind })),
).sort((a, b) => b.alias.length - a.alias.length);

const exactAlias = new Map<string, SectionKind>();
for (const { alias, kind } of [...aliasIndex].reverse()) exactAlias.set(alias, kind);

/**
 * The named section a heading stands for, or null. The longest matching alias wins. Memoised: every
 * rule that looks at sections asks again for the same titles.
 */
export const sectionKind = memoByText(
  (title: string) => title,
  (title: string): SectionKind | null => {
    const label = normalizeLabel(title);
    const exact = exactAlias.get(label);
    if (exact) return exact;
    for (const { alias, kind } of aliasIndex) {
      if (!PREFIX_KINDS.has(kind) || !label.startsWith(alias)) continue;
      const rest = label.slice(alias.length);
      if (/^\s*(?:(?:&|and|,|for|of|to|–|—|-)\s|\/|\()/.test(rest)) return kind;
    }
    return null;
  },
);

/**
 * Every named section a heading stands for: "Goals/Non-Goals" and "Risks & open questions" name two.
 * Memoised: the editor classifies the same headings again on every keystroke.
 */
export const sectionKinds = memoByText(
  (title: string) => title,
  (title: string): readonly SectionKind[] => {
    const kinds = new Set<SectionKind>();
    for (const part of [title, ...title.split(/\s*(?:\/|&|\band\b)\s*/)]) {
      const kind = sectionKind(part);
      if (kind) kinds.add(kind);
    }
    return [...kinds];
  },
);

/** True when a heading names a horizon: Now / Next / Later, a quarter, a half-year or a month and year. */
export function isHorizonTitle(title: string): boolean {
  const label = normalizeLabel(title);
  if (sectionKind(label) === 'horizon') return true;
  return /^(?:(?:now|next|later)\b.*|(?:q[1-4]|h[12])(?:\s*[-/']?\s*(?:fy)?\d{2,4})?(?:\s*[-–—(:].*)?|(?:fy)?\d{4}\s*[-/ ]?\s*(?:q[1-4]|h[12])(?:\s*[-–—(:].*)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}|(?:this|next|current)\s+(?:quarter|month|half|year)|(?:short|mid|medium|long)[-\s]term)$/.test(label);
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
