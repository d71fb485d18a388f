/** Which parts of a document are artifact text, and which artifact an offset belongs to. */
import { sectionKind } from '../../../src/core/classify/sections';
import type { ParsedDocument } from '../../../src/core/document';
import type { DocumentModel } from '../../../src/core/model';
import type { ArtifactKind } from '../../../src/core/types';
import { mergeRanges, subtractRanges, type Range } from '../../_lib/prose';

export interface Region extends Range {
  artifact: ArtifactKind;
  /** The benefit clause of a story ("so that …"): the motivation, not the thing to build and test. */
  benefit?: boolean;
}

/** The artifact an offset sits in: the story or roadmap item around it, else the document's kind. */
export function artifactAt(model: DocumentModel, offset: number): ArtifactKind | null {
  if (model.stories.some((s) => offset >= s.span.start && offset < s.span.end)) return 'story';
  if (model.roadmap?.items.some((i) => offset >= i.span.start && offset < i.span.end)) return 'roadmap-item';
  return model.kind;
}

/** Heading lines, found in the one parse (headings are section names, not requirements). */
function headingRanges(doc: ParsedDocument): Range[] {
  const out: Range[] = [];
  for (const node of doc.root.children) {
    if (node.type === 'heading' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      out.push({ start: node.position.start.offset, end: node.position.end.offset });
    }
  }
  return out;
}

/**
 * The text where requirements are written: story statements (without a Connextra role: "As a
 * first-time visitor" names a person, it asks for nothing), acceptance criteria, roadmap item titles
 * and fields, and the prose and list items of the named sections of PRDs, epics and business cases (not
 * their headings).
 */
export function requirementRegions(doc: ParsedDocument, model: DocumentModel): Region[] {
  const regions: Region[] = [];
  for (const story of model.stories) {
    const st = story.statement;
    const start = st.template === 'connextra' && st.role ? st.role.end : st.span.start;
    const end = (st.trailing ?? st.span).end;
    if (st.ends) {
      regions.push({ artifact: 'story', start, end: st.ends.start });
      regions.push({ artifact: 'story', start: st.ends.start, end: st.ends.end, benefit: true });
      if (end > st.ends.end) regions.push({ artifact: 'story', start: st.ends.end, end });
    } else {
      regions.push({ artifact: 'story', start, end });
    }
    for (const c of story.acceptanceCriteria?.criteria ?? []) regions.push({ artifact: 'story', start: c.span.start, end: c.span.end });
  }
  for (const item of model.roadmap?.items ?? []) {
    for (const span of [item.title, ...Object.values(item.fields)]) regions.push({ artifact: 'roadmap-item', start: span.start, end: span.end });
  }
  const sectioned = model.sectioned;
  if (sectioned) {
    // Named sections (Problem, Goals, Success metrics, Scope, Requirements, Risks …) and what is nested
    // in them carry the commitments; appendices, histories and test plans do not. A document with no
    // named section is read whole.
    const named = sectioned.sections.filter((s) => {
      const kind = sectionKind(s.title);
      return kind !== null && kind !== 'horizon';
    });
    const read = named.length > 0 ? named : sectioned.sections;
    const bodies = read.length > 0 ? mergeRanges(read.map((s) => ({ start: s.body.start, end: s.body.end }))) : [sectioned.span];
    const holes = mergeRanges([...headingRanges(doc), ...model.stories.map((s) => ({ start: s.span.start, end: s.span.end }))]);
    for (const r of subtractRanges(bodies, holes)) regions.push({ artifact: sectioned.kind, ...r });
  }
  return regions.sort((a, b) => a.start - b.start);
}
