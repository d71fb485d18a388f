/**
 * Classification across an editor's edits: stories are located per top-level section, and a section
 * the edit did not touch keeps what was found in it last time (moved by the edit's length). The kind
 * decision and the model are then made from the sections' results exactly as classify() makes them.
 *
 * Top-level sections: the document is an optional title (its first heading, shallower than every
 * other) over sections of one depth D, each a heading of depth D with everything up to the next one
 * (its sub-sections included). Locating stories is local to such a section: a story section claims
 * only its own span, a paragraph's look-ahead stops at the next heading, and sibling sections of depth
 * D form one group, assembled here from each section's top story (or near-story). Documents of another
 * shape, and a title that is itself a story (it would claim everything), are classified whole.
 *
 * "Untouched" is decided by node identity: the incremental parser hands unchanged nodes to the new
 * tree, so a section whose nodes are all the same objects as last time has the same text.
 */
import type { RootContent } from 'mdast';
import type { ParsedDocument } from '../document';
import type { DocumentModel, StoryStatement } from '../model';
import type { Span } from '../types';
import { classify, modelOf, type ClassifyOptions } from './index';
import { buildSections, type SectionNodes } from './sections';
import { StoryLocator, type Draft, type DraftGroup } from './stories';

/** A top-level section: root children [from, to), and its entries of the section list. */
export interface TopSection {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** What was located in one top-level section, with offsets as they were at `start`. */
interface Located {
  nodes: RootContent[];
  start: number;
  /** The section itself as a story, or, when it is none, as a story-like section (an "other"). */
  top: Draft | null;
  topOther: Draft | null;
  sectionGroups: DraftGroup[];
  blockGroups: DraftGroup[];
}

export interface IncrementalModel {
  model: DocumentModel;
  /** The top-level sections, with which were located afresh; null when the document was classified whole. */
  sections: { ranges: TopSection[]; fresh: boolean[]; preambleEnd: number } | null;
}

/** Root indices where top-level sections start, and the title's index (-1: none); null when the document has another shape. */
function topLevel(children: readonly RootContent[]): { title: number; starts: number[] } | null {
  const headings: number[] = [];
  children.forEach((n, i) => {
    if (n.type === 'heading') headings.push(i);
  });
  if (headings.length === 0) return null;
  const depthOf = (i: number): number => (children[i] as { depth: number }).depth;
  const first = headings[0] as number;
  const rest = headings.slice(1);
  const titled = rest.length > 0 && rest.every((i) => depthOf(i) > depthOf(first));
  const units = titled ? rest : headings;
  const depth = Math.min(...units.map(depthOf));
  // Before the first section there is no heading but the title: another would be a section of its own.
  if (depthOf(units[0] as number) !== depth) return null;
  return { title: titled ? first : -1, starts: units.filter((i) => depthOf(i) === depth) };
}

const offsetOf = (n: RootContent | undefined, fallback: number): number => n?.position?.start.offset ?? fallback;

function moveSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d, text: s.text };
}

const STATEMENT_SPANS = ['role', 'means', 'ends', 'trailing'] as const;

/** A draft moved by `d`; `moved` keeps spans shared between drafts (a stem's role) shared in the copy. */
function moveDraft(x: Draft, d: number, moved: Map<Span, Span>): Draft {
  const m = (s: Span): Span => {
    let out = moved.get(s);
    if (!out) moved.set(s, (out = moveSpan(s, d)));
    return out;
  };
  const statement: StoryStatement = { ...x.statement, span: m(x.statement.span) };
  for (const key of STATEMENT_SPANS) {
    const span = x.statement[key];
    if (span) statement[key] = m(span);
  }
  const out: Draft = { ...x, span: m(x.span), statement };
  if (x.title) out.title = m(x.title);
  const ac = x.acceptanceCriteria;
  if (ac) {
    out.acceptanceCriteria = { ...ac, span: m(ac.span), criteria: ac.criteria.map((c) => ({ ...c, span: m(c.span) })) };
    if (ac.label) out.acceptanceCriteria.label = m(ac.label);
  }
  if (x.acceptanceCriteriaInsert)
    out.acceptanceCriteriaInsert = { ...x.acceptanceCriteriaInsert, offset: x.acceptanceCriteriaInsert.offset + d };
  return out;
}

function moveLocated(l: Located, start: number): Located {
  const d = start - l.start;
  const moved = new Map<Span, Span>();
  const draft = (x: Draft): Draft => moveDraft(x, d, moved);
  const group = (g: DraftGroup): DraftGroup => ({ ...g, stories: g.stories.map(draft), others: g.others.map(draft) });
  return {
    nodes: l.nodes,
    start,
    top: l.top && draft(l.top),
    topOther: l.topOther && draft(l.topOther),
    sectionGroups: l.sectionGroups.map(group),
    blockGroups: l.blockGroups.map(group),
  };
}

function sameNodes(a: readonly RootContent[], children: readonly RootContent[], from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== children[from + i]) return false;
  return true;
}

/** One document's classification across its versions (the editor's); pair it with the document's IncrementalParser. */
export class IncrementalClassifier {
  private located = new Map<RootContent, Located>();
  /** The classification options the cache was filled under: other labels locate other criteria. */
  private optionsKey = '';

  classify(doc: ParsedDocument, options: ClassifyOptions): IncrementalModel {
    const optionsKey = JSON.stringify([options.filePath, options.config]);
    if (optionsKey !== this.optionsKey) this.located.clear();
    this.optionsKey = optionsKey;
    const children = doc.root.children;
    const shape = topLevel(children);
    if (!shape) return this.whole(doc, options);
    const { tree, flat } = buildSections(doc);
    const labels = options.config.acceptanceCriteriaLabels;

    const preamble = new StoryLocator(doc, labels);
    if (shape.title >= 0) {
      preamble.scanSections(flat.slice(0, 1));
      // A title that is a story claims the whole document: nothing is local then.
      if (preamble.groups.length > 0) return this.whole(doc, options);
    }
    const firstStart = shape.starts[0] as number;
    preamble.scanBlocks(children.slice(0, firstStart));

    const ranges: TopSection[] = [];
    const fresh: boolean[] = [];
    const kept = new Map<RootContent, Located>();
    const results: Located[] = [];
    let entry = shape.title >= 0 ? 1 : 0;
    shape.starts.forEach((from, k) => {
      const to = k + 1 < shape.starts.length ? (shape.starts[k + 1] as number) : children.length;
      const start = offsetOf(children[from], 0);
      const end = offsetOf(children[to], doc.text.length);
      ranges.push({ from, to, start, end });
      const entries: SectionNodes[] = [];
      while (entry < flat.length && (flat[entry] as SectionNodes).headingIndex < to)
        entries.push(flat[entry++] as SectionNodes);
      const head = children[from] as RootContent;
      const cached = this.located.get(head);
      let result: Located;
      if (cached && sameNodes(cached.nodes, children, from, to)) {
        result = cached.start === start ? cached : moveLocated(cached, start);
        fresh.push(false);
      } else {
        result = this.locate(doc, labels, children, from, to, entries, start);
        fresh.push(true);
      }
      kept.set(head, result);
      results.push(result);
    });
    this.located = kept;

    const tops = results.flatMap((r) => (r.top ? [r.top] : []));
    const topGroup: DraftGroup[] =
      tops.length > 0
        ? [{ size: results.length, stories: tops, others: results.flatMap((r) => (r.topOther ? [r.topOther] : [])) }]
        : [];
    const groups = [
      ...topGroup,
      ...results.flatMap((r) => r.sectionGroups),
      ...preamble.groups,
      ...results.flatMap((r) => r.blockGroups),
    ];
    const model = modelOf(doc, options, tree, flat, { groups });
    return { model, sections: { ranges, fresh, preambleEnd: offsetOf(children[firstStart], doc.text.length) } };
  }

  private whole(doc: ParsedDocument, options: ClassifyOptions): IncrementalModel {
    this.located.clear();
    return { model: classify(doc, options), sections: null };
  }

  /** Stories of one top-level section, as classify() finds them there. */
  private locate(
    doc: ParsedDocument,
    labels: readonly string[],
    children: readonly RootContent[],
    from: number,
    to: number,
    entries: readonly SectionNodes[],
    start: number,
  ): Located {
    const locator = new StoryLocator(doc, labels);
    const [top, ...nested] = locator.sectionSiblings(entries);
    for (const { entries: siblings, stories } of nested) {
      if (stories.length > 0)
        locator.groups.push({ size: siblings.length, stories, others: locator.sectionOthers(siblings, stories) });
    }
    const topStory = top?.stories[0] ?? null;
    const topOther = topStory || !top ? null : (locator.sectionOthers(top.entries, [])[0] ?? null);
    const sectionGroups = [...locator.groups];
    const nodes = children.slice(from, to);
    locator.scanBlocks(nodes);
    return {
      nodes,
      start,
      top: topStory,
      topOther,
      sectionGroups,
      blockGroups: locator.groups.slice(sectionGroups.length),
    };
  }
}
