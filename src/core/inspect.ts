/**
 * How a document is read: its kind and the evidence for it, the roles whose rules run, and the stories,
 * sections and roadmap items classification found. Answers "why is my file a PRD?" (`--inspect`) and lets
 * the evaluation measure the reading apart from the rules. Same parse, classification and config as linting.
 */
import { withoutBoms } from './bom';
import { classify } from './classify';
import { sectionKinds } from './classify/sections';
import type { ParsedDocument } from './document';
import { rolesFor } from './engine';
import type { DocumentModel, Evidence, Section, Story } from './model';
import { parseMarkdown } from './parse';
import type { EffectiveConfig, Role, Span } from './types';

export type EvidenceSignal = Evidence['signal'];

export interface InspectedStory {
  line: number;
  endLine: number;
  form: string;
  role: string | null;
  means: string | null;
  benefit: string | null;
  acceptanceCriteria: { line: number; endLine: number } | null;
}

export interface InspectedSection {
  line: number;
  title: string;
  /** The first named section the heading stands for, or null. */
  kind: string | null;
}

export interface InspectedRoadmapItem {
  line: number;
  title: string;
  why: string | null;
  horizon: string | null;
}

export interface InspectReport {
  filePath: string;
  /** The artifact kind, "template" for an issue or PR template, or null for ordinary Markdown. */
  kind: string | null;
  evidence: Evidence[];
  roles: Role[];
  stories: InspectedStory[];
  sections: InspectedSection[];
  roadmapItems: InspectedRoadmapItem[];
}

export interface InspectOptions {
  filePath?: string;
  config: EffectiveConfig;
}

/** Parses and classifies one document's text (leading BOMs stripped, as the engine does) and describes the reading. */
export function inspectText(text: string, options: InspectOptions): InspectReport {
  const source = withoutBoms(text);
  const doc = parseMarkdown(source, options.filePath);
  return describeModel(doc, classify(doc, options), options);
}

/** Describes an existing classification (the engine's), so a caller that lints does not classify twice. */
export function describeModel(doc: ParsedDocument, model: DocumentModel, options: InspectOptions): InspectReport {
  const line = (offset: number): number => doc.lines.positionAt(offset).line;
  const lastLine = (span: Span): number => line(Math.max(span.start, span.end - 1));
  return {
    filePath: options.filePath ?? '',
    // An issue or PR form that is no artifact template is ordinary Markdown to a reader: null, and silent.
    kind: model.template === 'artifact' ? 'template' : model.kind,
    evidence: model.evidence,
    roles: model.kind === null ? [] : [...rolesFor(doc, options.config)].filter((p): p is Role => p !== 'common'),
    stories: model.stories.map((s) => describeStory(s, line, lastLine)),
    sections: flatten(model.sections).map((s) => ({
      line: line(s.heading.start),
      title: s.title,
      kind: sectionKinds(s.title)[0] ?? null,
    })),
    roadmapItems: (model.roadmap?.items ?? []).map((item) => ({
      line: line(item.title.start),
      title: item.title.text.trim(),
      why: (item.fields.why ?? item.fields.outcome)?.text ?? null,
      horizon: (item.fields.horizon ?? item.inheritedHorizon)?.text ?? null,
    })),
  };
}

function describeStory(s: Story, line: (offset: number) => number, lastLine: (span: Span) => number): InspectedStory {
  const st = s.statement;
  const form = st.form ?? (st.template === 'connextra' || st.template === 'job' ? st.template : 'other');
  const ac = s.acceptanceCriteria;
  return {
    line: line(st.span.start),
    endLine: lastLine(st.span),
    form,
    role: st.role?.text ?? null,
    means: st.means?.text ?? null,
    benefit: st.ends?.text ?? null,
    acceptanceCriteria: ac ? { line: line(ac.span.start), endLine: lastLine(ac.span) } : null,
  };
}

function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}
