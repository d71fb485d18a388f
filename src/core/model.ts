/**
 * What classification finds in a document: the artifacts and their parts, with exact spans.
 * Rules read this model and the document's one parse: its Markdown tree and its front matter, whose YAML
 * is read once with where each key and value is written (document.ts); no rule parses either again.
 */
import type { ArtifactKind, Span } from './types';

export type StoryTemplate = 'connextra' | 'job' | 'invalid';
/**
 * How the statement is laid out: Connextra, a job story, the benefit before the want ("So that …, I want …",
 * "As a … / So I can … / I want …"), or another shape (a capability stem, "I can …, because …").
 */
export type StoryForm = 'connextra' | 'job' | 'benefit-first' | 'other';

/** A parsed story statement ("As a … I want … so that …" or "When … I want to … so I can …"). */
export interface StoryStatement {
  /** The whole statement as written (may span several lines). */
  span: Span;
  template: StoryTemplate;
  form?: StoryForm;
  /** The language of the template words that matched (ISO 639-1: "en", "nl", "de", "fr", "es", "pt"). */
  language?: string;
  /** Connextra role ("a registered user") or job-story situation ("I open the app offline"). */
  role?: Span;
  /** What the actor wants ("upload a photo"). */
  means?: Span;
  /** The benefit clause after "so that" / "so I can" / "in order to", without the keyword. */
  ends?: Span;
  /** The keyword that opened the ends ("so that"). */
  endsKeyword?: string;
  /** Text after the statement's end in the same paragraph (extra sentences). */
  trailing?: Span;
}

export interface Criterion {
  span: Span;
  /** Starts with or contains Given/When/Then keywords. */
  gherkin: boolean;
}

export interface AcceptanceCriteria {
  /** The heading or bold label that opened the block, when there is one. */
  label?: Span;
  /** The whole block, label included. */
  span: Span;
  criteria: Criterion[];
}

/** Where a missing block can be inserted, and how the inserted text must be indented. */
export interface InsertPoint {
  offset: number;
  /** Text to put before the inserted block (newlines), so it becomes its own block. */
  before: string;
  /** Text to put after it, so what follows stays a block of its own. */
  after: string;
  /** Indentation for every inserted line (nested list items need it). */
  indent: string;
  /** Heading depth for an inserted heading (e.g. 3 inside a `##` story section). */
  headingDepth: number;
}

export type StoryContainer = 'document' | 'section' | 'list-item' | 'table-row' | 'line';

export interface Story {
  kind: 'story';
  container: StoryContainer;
  /** The story's whole region (its section, list item with nested items, table row, or document). */
  span: Span;
  /** Heading or leading id/title, when the container has one. */
  title?: Span;
  statement: StoryStatement;
  acceptanceCriteria: AcceptanceCriteria | null;
  /** Where an acceptance-criteria block would go; undefined for table rows (no room in a cell). */
  acceptanceCriteriaInsert?: InsertPoint;
  /** Index in its backlog (0 for a lone story). */
  index: number;
  /**
   * The kind of the document the story sits in: a story inside a PRD or epic is not a backlog item, and one
   * quoted in ordinary Markdown (null) is located but never checked.
   */
  parent: ArtifactKind | null;
}

export interface Section {
  /** The heading node's span. */
  heading: Span;
  depth: number;
  /** Heading text without markup, trimmed. */
  title: string;
  /** Heading through the end of the section (before the next heading of the same or lower depth). */
  span: Span;
  /** Everything after the heading line in the section. */
  body: Span;
  /** Nested sections. */
  children: Section[];
}

/** A PRD, epic or business case: a document made of named sections. */
export interface SectionedArtifact {
  kind: 'prd' | 'epic' | 'business-case';
  span: Span;
  title?: Span;
  /** All sections of the artifact, flattened in document order. */
  sections: Section[];
  /** Where a missing top-level section is appended. */
  appendSection: InsertPoint;
}

export type RoadmapItemContainer = 'table-row' | 'section' | 'list-item';

export interface RoadmapItem {
  kind: 'roadmap-item';
  container: RoadmapItemContainer;
  span: Span;
  title: Span;
  /**
   * Named fields of the item, lower-cased: table columns ("why", "horizon", "outcome"),
   * or "Label: value" lines and sub-headings inside a section item.
   */
  fields: Record<string, Span>;
  /** Horizon inherited from an enclosing section or column heading ("Now", "Q3 2026"). */
  inheritedHorizon?: Span;
  /** Where a "Why:" line can be inserted (sections and list items only). */
  insert?: InsertPoint;
  /** Table rows: the text between the pipes of each empty field cell, by field, so a fix can fill it. */
  emptyCells?: Record<string, { start: number; end: number }>;
}

export interface Roadmap {
  kind: 'roadmap';
  span: Span;
  items: RoadmapItem[];
}

export interface Backlog {
  kind: 'backlog';
  span: Span;
  stories: Story[];
}

/** A signal classification weighed, for `--inspect` ("why is my file a PRD?") and tests. */
export interface Evidence {
  signal: 'front-matter' | 'config' | 'file-name' | 'content' | 'template';
  /** What the signal points to: a kind, a template, an engineering design document (which is no artifact), or nothing. */
  says: ArtifactKind | 'template' | 'design-doc' | null;
  /** In plain words, what was seen. */
  detail: string;
  /** The headings or lines that counted (1-based lines). */
  lines: { line: number; text: string }[];
}

/** The classified document. */
export interface DocumentModel {
  /** Document-level kind, or null for ordinary Markdown. */
  kind: ArtifactKind | null;
  /** How the kind was decided, for `--print-config`-style explanations and tests. */
  detectedBy: 'front-matter' | 'config' | 'file-name' | 'content' | null;
  /** The signals weighed, the deciding ones included; classification stays silent when they are weak. */
  evidence: Evidence[];
  /**
   * A template to fill in, not an artifact: 'artifact' for a story, epic, PRD … template, 'other' for an
   * issue or pull-request form. Rules do not run on templates.
   */
  template: 'artifact' | 'other' | null;
  stories: Story[];
  backlog: Backlog | null;
  sectioned: SectionedArtifact | null;
  roadmap: Roadmap | null;
  /** The document's heading sections (top level), for rules that look at structure. */
  sections: Section[];
}
