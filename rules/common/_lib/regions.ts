/** Which parts of a document are artifact text, and which artifact an offset belongs to. */
import { sectionKinds, type SectionKind } from '../../../src/core/rule-api';
import type { ParsedDocument } from '../../../src/core/rule-api';
import type { DocumentModel, Section } from '../../../src/core/rule-api';
import type { ArtifactKind } from '../../../src/core/rule-api';
import { mergeRanges, quotedRanges, subtractRanges, type Range } from '../../_lib/prose';
import scopes from './scopes.json';

export interface Region extends Range {
  artifact: ArtifactKind;
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
    if (
      node.type === 'heading' &&
      node.position?.start.offset !== undefined &&
      node.position.end.offset !== undefined
    ) {
      out.push({ start: node.position.start.offset, end: node.position.end.offset });
    }
  }
  return out;
}

const STATING = new Set<string>(scopes.statingKinds);
const NARRATIVE = new RegExp(
  String.raw`(?<![\p{L}])(?:${scopes.narrativeWords.map((w) => w.replace(/ /g, String.raw`\s+`)).join('|')})(?![\p{L}])`,
  'iu',
);

/**
 * Whether a section title or a line label states requirements (true), names something else (false:
 * background, audience, risks, alternatives, FAQ, test plan …) or says nothing either way (null).
 */
export function statesRequirements(title: string): boolean | null {
  if (NARRATIVE.test(title)) return false;
  const kinds: readonly SectionKind[] = sectionKinds(title);
  return kinds.length === 0 ? null : kinds.some((k) => STATING.has(k));
}

/**
 * A line that opens with a label ("Goal: …", "**Success criteria:** …", "- Background: …"): the label,
 * and where the text after it starts (equal to the line end when nothing follows on the line).
 */
const LABEL =
  /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\*\*|__)?([\p{L}][\p{L}\p{N} '’/&-]{1,40}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*/u;
const LIST_OR_INDENTED = /^(?:[ \t]+\S|[ \t]*(?:[-*+]|\d+[.)])[ \t])/;

function lineRanges(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let at = start;
  while (at < end) {
    const nl = text.indexOf('\n', at);
    const e = nl === -1 || nl >= end ? end : nl;
    out.push({ start: at, end: e });
    at = e + 1;
  }
  return out;
}

/**
 * Labelled lines in a span, with what their label says: the text after "Goal:" up to the end of its
 * paragraph, or, for a label alone on its line ("**Goals:**"), the list that follows it.
 */
function labelledBlocks(text: string, span: Range): { range: Range; states: boolean }[] {
  const lines = lineRanges(text, span.start, span.end);
  const out: { range: Range; states: boolean }[] = [];
  const blank = (i: number): boolean => text.slice(lines[i]?.start ?? 0, lines[i]?.end ?? 0).trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Range;
    const source = text.slice(line.start, line.end);
    const m = LABEL.exec(source);
    if (!m) continue;
    const states = statesRequirements(m[1] as string);
    if (states === null) continue;
    const from = line.start + m[0].length;
    let j = i;
    if (source.slice(m[0].length).trim() !== '') {
      // The paragraph the label opens: until a blank line, a list item or another label.
      while (
        j + 1 < lines.length &&
        !blank(j + 1) &&
        !LIST_OR_INDENTED.test(text.slice(lines[j + 1]?.start, lines[j + 1]?.end)) &&
        !LABEL.test(text.slice(lines[j + 1]?.start, lines[j + 1]?.end))
      )
        j++;
    } else {
      // A label alone on its line heads the list below it (one blank line may sit between).
      let k = i + 1;
      if (k < lines.length && blank(k)) k++;
      if (k >= lines.length || !LIST_OR_INDENTED.test(text.slice(lines[k]?.start, lines[k]?.end))) continue;
      j = k;
      while (
        j + 1 < lines.length &&
        (LIST_OR_INDENTED.test(text.slice(lines[j + 1]?.start, lines[j + 1]?.end)) ||
          (blank(j + 1) &&
            j + 2 < lines.length &&
            LIST_OR_INDENTED.test(text.slice(lines[j + 2]?.start, lines[j + 2]?.end))))
      )
        j++;
    }
    const end = (lines[j] as Range).end;
    if (end > from) out.push({ range: { start: from, end }, states });
    i = j;
  }
  return out;
}

/**
 * The bodies of the sections that state requirements (Goals, Success metrics, Scope, Requirements),
 * without their sub-sections of another sort; a sub-section with no name of its own ("Phase 1")
 * belongs to its parent. Background, motivation, audience, risks, alternatives, FAQ and test plans
 * are narrative, and so is everything under a heading that names nothing.
 */
function statingSections(sections: readonly Section[]): Range[] {
  const child = new Set<Section>(sections.flatMap((s) => s.children));
  const out: Range[] = [];
  const visit = (s: Section, inherited: boolean): void => {
    const own = statesRequirements(s.title);
    const states = own ?? inherited;
    if (states)
      out.push(
        ...subtractRanges(
          [{ start: s.body.start, end: s.body.end }],
          s.children.map((c) => ({ start: c.span.start, end: c.span.end })),
        ),
      );
    for (const c of s.children) visit(c, states);
  };
  for (const s of sections) if (!child.has(s)) visit(s, false);
  return mergeRanges(out);
}

/** More than one sentence: "It would further …" reads as narrative, a goal is said in one. */
const SENTENCES = /[.!?][)"'’”]?\s+(?=[\p{Lu}\p{N}])/u;

/**
 * The blocks of the stating sections that read as requirement lines: list items, table rows and
 * one-sentence paragraphs. A paragraph of several sentences under "Goals" or "Objective" explains
 * (an RFC's objective, a scope narrative); the commitments are the lines it leads to.
 */
function requirementLines(doc: ParsedDocument, stating: readonly Range[]): Range[] {
  const out: Range[] = [];
  if (stating.length === 0) return out;
  for (const node of doc.root.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !stating.some((r) => start >= r.start && start < r.end)) continue;
    if (node.type === 'list' || node.type === 'table') out.push({ start, end });
    else if (node.type === 'paragraph' && end - start <= 300 && !SENTENCES.test(doc.text.slice(start, end)))
      out.push({ start, end });
  }
  return out;
}

/** A checked task-list item at the start of a roadmap item. */
const DONE_ITEM = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[xX]\]/;
/** A parenthetical of up to 200 characters, not nested. */
const ASIDE = /\([^()\n]{1,200}\)/g;

/**
 * The text where requirements are written: story statements (without a Connextra role or a job
 * story's situation: "As a first-time visitor" names a person, it asks for nothing; and without the
 * benefit), acceptance criteria, roadmap item titles
 * and fields, and in PRDs, epics and business cases the lines of the sections, and the labelled lines, that
 * state goals, metrics, scope or requirements (not their headings). Block quotes and link texts are left out: they
 * are someone else's words, or names.
 */
export function requirementRegions(doc: ParsedDocument, model: DocumentModel): Region[] {
  const regions: Region[] = [];
  const quoted = quotedRanges(doc);
  const push = (artifact: ArtifactKind, r: Range): void => {
    for (const part of subtractRanges([r], quoted)) regions.push({ artifact, ...part });
  };
  for (const story of model.stories) {
    const st = story.statement;
    // The Connextra role names a person and the job story's situation ("When a lot of people are
    // waiting …") sets the scene: neither asks for anything.
    const start = st.template !== 'invalid' && st.role ? st.role.end : st.span.start;
    const end = (st.trailing ?? st.span).end;
    // The benefit ("so that …") is the motivation, not the thing to build and test.
    if (st.ends) {
      push('story', { start, end: st.ends.start });
      if (end > st.ends.end) push('story', { start: st.ends.end, end });
    } else {
      push('story', { start, end });
    }
    for (const c of story.acceptanceCriteria?.criteria ?? []) push('story', { start: c.span.start, end: c.span.end });
  }
  for (const item of model.roadmap?.items ?? []) {
    // A done entry ("- [x] …") is history: nobody will act on its wording.
    if (DONE_ITEM.test(doc.text.slice(item.span.start, item.span.start + 16))) continue;
    for (const span of [item.title, ...Object.values(item.fields)]) {
      // "(better debugging)", "(e.g. …)": an item's parenthetical aside is its purpose or an example, not the item.
      const asides = [...span.text.matchAll(ASIDE)].map((m) => ({
        start: span.start + (m.index ?? 0),
        end: span.start + (m.index ?? 0) + m[0].length,
      }));
      for (const part of subtractRanges([{ start: span.start, end: span.end }], asides)) push('roadmap-item', part);
    }
  }
  const sectioned = model.sectioned;
  if (sectioned) {
    const labelled = labelledBlocks(doc.text, sectioned.span);
    const stating = mergeRanges([
      ...requirementLines(doc, statingSections(sectioned.sections)),
      ...labelled.filter((b) => b.states).map((b) => b.range),
    ]);
    const holes = mergeRanges([
      ...headingRanges(doc),
      ...model.stories.map((s) => ({ start: s.span.start, end: s.span.end })),
      ...labelled.filter((b) => !b.states).map((b) => b.range),
    ]);
    for (const r of subtractRanges(stating, holes)) push(sectioned.kind, r);
  }
  return regions.sort((a, b) => a.start - b.start);
}
