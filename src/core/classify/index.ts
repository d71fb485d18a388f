/** Classification: what artifacts a parsed document holds, decided once and shared by every rule. */
import type { ParsedDocument } from '../document';
import { spanOf } from '../document';
import type { DocumentModel, InsertPoint, Section, SectionedArtifact, Story } from '../model';
import type { EffectiveConfig } from '../types';
import { decideKind, isDominant } from './decide';
import { findRoadmap } from './roadmap';
import { buildSections, type SectionNodes } from './sections';
import { documentStory, StoryLocator, type LocatedGroups } from './stories';
import { offsets } from './text';

export interface ClassifyOptions {
  filePath?: string;
  config: EffectiveConfig;
}

function appendPoint(doc: ParsedDocument, depth: number): InsertPoint {
  let end = doc.text.length;
  while (end > 0 && /\s/.test(doc.text[end - 1] as string)) end--;
  // The text's own final newline stays after the insertion; add one only when there is none.
  return {
    offset: end,
    before: end === 0 ? '' : '\n\n',
    after: /[\r\n]/.test(doc.text.slice(end)) ? '' : '\n',
    indent: '',
    headingDepth: depth,
  };
}

export function classify(doc: ParsedDocument, options: ClassifyOptions): DocumentModel {
  const { tree, flat } = buildSections(doc);
  const locator = new StoryLocator(doc, options.config.acceptanceCriteriaLabels);
  locator.scanSections(flat);
  locator.scanBlocks(doc.root.children);
  return modelOf(doc, options, tree, flat, locator);
}

/**
 * The model from the located stories: the kind decision and what follows from it. Apart from classify(),
 * the editor's incremental classification (incremental-classify.ts) calls it with groups it assembled
 * from the sections an edit did not touch.
 */
export function modelOf(
  doc: ParsedDocument,
  options: ClassifyOptions,
  tree: Section[],
  flat: readonly SectionNodes[],
  locator: LocatedGroups,
): DocumentModel {
  const decision = decideKind(doc, options, flat, locator);
  const { kind, detectedBy } = decision;
  const forcedRoadmap = kind === 'roadmap' && detectedBy !== 'content';
  const dominant = locator.groups.filter(isDominant);
  const model: DocumentModel = {
    kind,
    detectedBy,
    evidence: decision.evidence,
    template: decision.template,
    stories: [],
    backlog: null,
    sectioned: null,
    roadmap: null,
    sections: tree,
  };
  const located = (): Omit<Story, 'parent'>[] =>
    locator.groups.flatMap((g) => g.stories).sort((a, b) => a.span.start - b.span.start);
  // Ordinary Markdown can still quote stories (a developer guide's requirements table): they are shown, not checked.
  if (!kind) {
    model.stories = located().map((s, index) => ({ ...s, index, parent: null }));
    return model;
  }

  const parent = kind;
  const withParent = (s: Omit<Story, 'parent'>, index: number): Story => ({ ...s, index, parent });
  if (kind === 'story') {
    // A story file with several stories (job stories one per bullet) holds them all; otherwise it is one story.
    const several = located();
    model.stories =
      several.length >= 2
        ? several.map(withParent)
        : [withParent(documentStory(doc, options.config.acceptanceCriteriaLabels), 0)];
  } else if (kind === 'roadmap' || kind === 'roadmap-item') {
    model.roadmap =
      decision.roadmap !== undefined
        ? decision.roadmap
        : findRoadmap(doc, flat, forcedRoadmap || kind === 'roadmap-item');
  } else {
    const found = locator.groups.flatMap((g) => g.stories);
    // A non-story item that holds stories (a "## US-2: Export" heading over a list of stories) is a grouping, not an item.
    const holdsStory = (d: (typeof found)[number]): boolean =>
      found.some((s) => s !== d && s.span.start >= d.span.start && s.span.end <= d.span.end);
    const drafts = locator.groups.flatMap((g) =>
      kind === 'backlog' && dominant.includes(g)
        ? [...g.stories, ...g.others.filter((o) => !holdsStory(o))]
        : g.stories,
    );
    drafts.sort((a, b) => a.span.start - b.span.start);
    model.stories = drafts.map(withParent);
    if (kind === 'backlog') {
      const first = model.stories[0];
      const last = model.stories[model.stories.length - 1];
      model.backlog = {
        kind: 'backlog',
        span: first && last ? spanOf(doc, first.span.start, last.span.end) : spanOf(doc, 0, doc.text.length),
        stories: model.stories,
      };
    } else {
      model.sectioned = sectioned(
        doc,
        kind,
        flat.map((e) => e.section),
      );
    }
  }
  return model;
}

function sectioned(
  doc: ParsedDocument,
  kind: 'prd' | 'epic' | 'business-case',
  sections: SectionedArtifact['sections'],
): SectionedArtifact {
  const h1 = doc.root.children.find((n) => n.type === 'heading' && n.depth === 1);
  const depths = sections.map((s) => s.depth).filter((d) => !(h1 && d === 1));
  return {
    kind,
    span: spanOf(doc, 0, doc.text.length),
    title: h1 ? spanOf(doc, ...offsets(h1)) : undefined,
    sections,
    appendSection: appendPoint(doc, depths.length > 0 ? Math.min(...depths) : 2),
  };
}
