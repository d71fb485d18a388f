/**
 * How a document is read: its kind and the evidence for it, the roles whose rules run, and the stories,
 * sections and roadmap items classification found. Answers "why is my file a PRD?" (`--inspect`) and lets
 * the evaluation measure the reading apart from the rules. Same parse, classification and config as linting.
 */
import { classify } from './classify';
import { sectionKinds } from './classify/sections';
import type { ParsedDocument } from './document';
import { rolesFor } from './engine';
import type { DocumentModel, Section, Story } from './model';
import { parseMarkdown } from './parse';
import type { EffectiveConfig, Role, Span } from './types';

export type EvidenceSignal = 'front-matter' | 'config' | 'file-name' | 'content';

export interface Evidence {
  signal: EvidenceSignal;
  /** What counted, in words ("type: prd", "file name roadmap.md", "heading names problem"). */
  detail: string;
  /** The line that counted, when there is one. */
  line?: number;
}

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

/** Parses and classifies one document's text (BOM-less, as the CLI reads it) and describes the reading. */
export function inspectText(text: string, options: InspectOptions): InspectReport {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseMarkdown(source, options.filePath);
  return describeModel(doc, classify(doc, options), options);
}

/** Describes an existing classification (the engine's), so a caller that lints does not classify twice. */
export function describeModel(doc: ParsedDocument, model: DocumentModel, options: InspectOptions): InspectReport {
  const line = (offset: number): number => doc.lines.positionAt(offset).line;
  const lastLine = (span: Span): number => line(Math.max(span.start, span.end - 1));
  const template = (model as { template?: unknown }).template;
  return {
    filePath: options.filePath ?? '',
    kind: template ? 'template' : model.kind,
    evidence: evidenceOf(doc, model, options, line),
    roles: model.kind === null ? [] : [...rolesFor(doc, options.config)].filter((p): p is Role => p !== 'common'),
    stories: model.stories.map((s) => describeStory(s, line, lastLine)),
    sections: flatten(model.sections).map((s) => ({ line: line(s.heading.start), title: s.title, kind: sectionKinds(s.title)[0] ?? null })),
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

/**
 * The signals behind the kind, strongest first. The deciding one comes first; for content, the headings
 * that name sections and the story lines are listed, so a user sees what made the file look like an artifact.
 * For ordinary Markdown the named headings are listed too: they were not enough.
 */
function evidenceOf(doc: ParsedDocument, model: DocumentModel, options: InspectOptions, line: (offset: number) => number): Evidence[] {
  const out: Evidence[] = [];
  if (model.detectedBy === 'front-matter' && doc.frontMatter) {
    const type = (doc.frontMatter.data as Record<string, unknown>).type;
    out.push({ signal: 'front-matter', detail: `type: ${String(type)}`, line: line(doc.frontMatter.span.start) });
  } else if (model.detectedBy === 'config') {
    out.push({ signal: 'config', detail: `an "artifacts" glob in the config maps this file to ${String(options.config.artifact)}` });
  } else if (model.detectedBy === 'file-name') {
    const base = (options.filePath ?? '').split(/[\\/]/).pop() ?? '';
    out.push({ signal: 'file-name', detail: `the file name ${base} names a ${String(model.kind)}` });
  }
  if (model.detectedBy === 'content' || model.kind === null) {
    for (const s of flatten(model.sections)) {
      const kinds = sectionKinds(s.title);
      if (kinds.length > 0) out.push({ signal: 'content', detail: `heading "${s.title}" names ${kinds.join(', ')}`, line: line(s.heading.start) });
    }
    for (const s of model.stories) out.push({ signal: 'content', detail: `story statement (${s.statement.template})`, line: line(s.statement.span.start) });
  }
  return out;
}
