/**
 * One document's lint across the editor's edits: classification reuses what it located in top-level
 * sections an edit did not touch (classify/incremental.ts), and rules of scope 'section' are re-run only
 * on the sections that changed, their other findings moved with the text. Rules of scope 'document'
 * (duplicates, uniformity, "none of the stories" counts, front matter, PRD sections) run on the whole
 * model every time. The findings are the ones a full lint gives (test/unit/incremental-lint.test.ts
 * checks it on random edits).
 *
 * Section results are reused only in backlogs: there the model is stories, and a section's stories are
 * exactly those located in it. Other kinds run every rule on the whole document.
 */
import type { RootContent } from 'mdast';
import { IncrementalClassifier, type TopSection } from './classify/incremental';
import type { ClassifyOptions } from './classify';
import type { ParsedDocument } from './document';
import type { DocumentModel, Section, Story } from './model';
import type { Finding, Fix } from './types';

/** What a rule sees: the whole document, or one top-level section of it. */
export interface SectionView {
  doc: ParsedDocument;
  model: DocumentModel;
  range: { start: number; end: number };
  documentIncludes(text: string): boolean;
}

/** A section's findings for one rule, as found when the section started at `start` (line, column). */
interface Cached {
  key: string;
  start: number;
  line: number;
  column: number;
  findings: Finding[];
  /** What the rule asked about the rest of the document, and the answers. */
  probes: [string, boolean][];
}

interface SectionState {
  range: TopSection;
  /** Where the section starts now, found once per lint rather than once per rule. */
  line: number;
  column: number;
  /**
   * The stories the model holds in the section: the same section can hold other stories when the
   * document's groups change, and then its results are not reused.
   */
  stories: Story[];
  fresh: boolean;
  byRule: Map<string, Cached>;
}

function moveFix(fix: Fix, d: number): Fix {
  return {
    ...fix,
    edits: fix.edits.map((e) => ({ ...e, range: [e.range[0] + d, e.range[1] + d] as [number, number] })),
  };
}

/** A finding moved with its section: by `d` code units and `lines` lines; columns on the section's first line by `columns`. */
function moveFinding(f: Finding, d: number, lines: number, firstLine: number, columns: number): Finding {
  const out: Finding = {
    ...f,
    range: [f.range[0] + d, f.range[1] + d],
    line: f.line + lines,
    column: f.line === firstLine ? f.column + columns : f.column,
    endLine: f.endLine + lines,
    endColumn: f.endLine === firstLine ? f.endColumn + columns : f.endColumn,
  };
  if (f.fix) out.fix = moveFix(f.fix, d);
  if (f.suggestions) out.suggestions = f.suggestions.map((s) => moveFix(s, d));
  return out;
}

/** Whether a section holds the stories it held before, at the same places within it and of the same templates. */
function sameStories(old: SectionState, stories: readonly Story[], start: number): boolean {
  if (old.stories.length !== stories.length) return false;
  const d = start - old.range.start;
  return stories.every((st, i) => {
    const was = old.stories[i] as Story;
    return (
      st.span.start === was.span.start + d &&
      st.span.end === was.span.end + d &&
      st.statement.template === was.statement.template
    );
  });
}

/** The sections (in document order) whose heading starts in [start, end), found by binary search. */
function sectionsWithin(sections: readonly Section[], start: number, end: number): Section[] {
  const firstAt = (offset: number): number => {
    let lo = 0;
    let hi = sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sections[mid] as Section).heading.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sections.slice(firstAt(start), firstAt(end));
}

export class LintReuse {
  private readonly classifier = new IncrementalClassifier();
  private doc: ParsedDocument | null = null;
  private model: DocumentModel | null = null;
  /** The top-level sections of the last classification, in order, or null when nothing can be reused. */
  private sections: SectionState[] | null = null;
  private preamble: SectionView | null = null;
  private kept = new Map<RootContent, SectionState>();
  private contextKey = '';
  /** Section checks of rules of scope 'section': reused, and run afresh (the bench reports them). */
  readonly stats = { reused: 0, checked: 0 };

  /** Classifies `doc`, remembering its top-level sections for sectionFindings(). */
  classify(doc: ParsedDocument, options: ClassifyOptions): DocumentModel {
    const { model, sections } = this.classifier.classify(doc, options);
    this.doc = doc;
    this.model = model;
    this.preamble = null;
    const contextKey = JSON.stringify([options.filePath, options.config, model.kind, model.template]);
    if (contextKey !== this.contextKey || !sections || model.kind !== 'backlog') this.kept.clear();
    this.contextKey = contextKey;
    if (!sections || model.kind !== 'backlog') {
      this.sections = null;
      return model;
    }
    // model.stories is in document order, and so are the sections: one pass hands each its stories.
    const stories = model.stories;
    let s = 0;
    while (s < stories.length && (stories[s] as Story).span.start < sections.preambleEnd) s++;
    const preambleStories = stories.slice(0, s);
    const next = new Map<RootContent, SectionState>();
    this.sections = sections.ranges.map((range, k) => {
      const first = s;
      while (s < stories.length && (stories[s] as Story).span.start < range.end) s++;
      const own = stories.slice(first, s);
      const head = doc.root.children[range.from] as RootContent;
      const old = this.kept.get(head);
      const fresh = (sections.fresh[k] as boolean) || !old || !sameStories(old, own, range.start);
      const { line, column } = doc.lines.positionAt(range.start);
      const byRule = fresh ? new Map() : (old as SectionState).byRule;
      const state: SectionState = { range, line, column, stories: own, fresh, byRule };
      next.set(head, state);
      return state;
    });
    this.kept = next;
    this.preamble = this.view(
      doc,
      model,
      { from: 0, to: sections.ranges[0]?.from ?? doc.root.children.length, start: 0, end: sections.preambleEnd },
      preambleStories,
      [],
    );
    return model;
  }

  /**
   * A rule's findings, section by section: reused where the section, the stories in it, the rule's
   * `settings` and its answers about the rest of the document are what they were; else checked afresh.
   */
  sectionFindings(ruleId: string, settings: unknown, check: (view: SectionView) => Finding[]): Finding[] {
    const doc = this.doc as ParsedDocument;
    const model = this.model as DocumentModel;
    if (!this.sections || !this.preamble) {
      return check({
        doc,
        model,
        range: { start: 0, end: doc.text.length },
        documentIncludes: (text) => doc.text.includes(text),
      });
    }
    const key = JSON.stringify(settings);
    const out = check(this.preamble);
    for (const section of this.sections) {
      const { range, line, column } = section;
      const cached = section.byRule.get(ruleId);
      if (cached && cached.key === key && cached.probes.every(([text, answer]) => doc.text.includes(text) === answer)) {
        const d = range.start - cached.start;
        // Updated in place: this runs for every section and rule on every keystroke.
        if (cached.findings.length > 0 && (d !== 0 || line !== cached.line)) {
          cached.findings = cached.findings.map((f) =>
            moveFinding(f, d, line - cached.line, cached.line, column - cached.column),
          );
        }
        cached.start = range.start;
        cached.line = line;
        cached.column = column;
        this.stats.reused++;
        for (const f of cached.findings) out.push(f);
        continue;
      }
      const probes: [string, boolean][] = [];
      const findings = check(this.view(doc, model, range, section.stories, probes));
      section.byRule.set(ruleId, { key, start: range.start, line, column, findings, probes });
      this.stats.checked++;
      out.push(...findings);
    }
    return out;
  }

  /** The document as one section's rules see it: that section's nodes, stories and text range. */
  private view(
    doc: ParsedDocument,
    model: DocumentModel,
    range: TopSection,
    stories: Story[],
    probes: [string, boolean][],
  ): SectionView {
    const inRange = (s: Section): boolean => s.heading.start >= range.start && s.heading.start < range.end;
    const top =
      model.sections.length === 1 && !inRange(model.sections[0] as Section)
        ? (model.sections[0] as Section).children
        : model.sections;
    return {
      doc: { ...doc, root: { ...doc.root, children: doc.root.children.slice(range.from, range.to) } },
      model: {
        ...model,
        stories,
        backlog: model.backlog && { ...model.backlog, stories },
        sections: sectionsWithin(top, range.start, range.end),
      },
      range: { start: range.start, end: range.end },
      documentIncludes: (text) => {
        const answer = doc.text.includes(text);
        probes.push([text, answer]);
        return answer;
      },
    };
  }
}
