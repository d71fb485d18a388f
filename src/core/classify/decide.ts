/**
 * Which kind a document is, with the evidence weighed. The team's word comes first (front matter
 * `type:`, an `artifacts` glob), then templates (no artifact to lint), then the file name, then content.
 * Content alone must be strong: an engineering design document, RFC or ADR has Goals, Risks and
 * Open questions too, and is no PRD unless the team says so. When the evidence is weak the document is
 * no artifact, and `--inspect` shows what was seen.
 */
import type { ParsedDocument } from '../document';
import type { Evidence, Roadmap } from '../model';
import type { ArtifactKind } from '../types';
import type { ClassifyOptions } from './index';
import { kindFromFileName, kindFromName } from './kind';
import { findRoadmap, roadmapHints } from './roadmap';
import type { SectionNodes } from './sections';
import { contentSignals, isHistoryTitle, kindFromTitle, type HeadingSignal } from './signals';
import type { LocatedGroups } from './stories';
import { statementAt as findStatement } from './statement-cache';
import { frontMatterData, isFilledStory, lineOf, templateOf } from './template';
import { contentOffsets, plainText } from './text';

export interface KindDecision {
  kind: ArtifactKind | null;
  detectedBy: 'front-matter' | 'config' | 'file-name' | 'content' | null;
  evidence: Evidence[];
  template: 'artifact' | 'other' | null;
  /** The roadmap found while deciding (content roadmaps are decided by their items); undefined when not looked for. */
  roadmap?: Roadmap | null;
}

function frontMatterField(doc: ParsedDocument, key: string): unknown {
  return frontMatterData(doc)?.[key];
}

/** The document's title: front matter `title:`, else its first heading (the first `#` one when there is one). */
function titleOf(doc: ParsedDocument): HeadingSignal | null {
  const fmTitle = frontMatterField(doc, 'title');
  if (typeof fmTitle === 'string' && fmTitle.trim() !== '') return { line: 1, text: fmTitle };
  const headings = doc.root.children.filter((n) => n.type === 'heading');
  const h = headings.find((n) => n.type === 'heading' && n.depth === 1) ?? headings[0];
  return h ? { line: lineOf(doc, h.position?.start.offset ?? 0), text: plainText(h) } : null;
}

/** The first paragraph (or a heading right after the title) is a story statement. */
function opensWithStory(doc: ParsedDocument): boolean {
  const blocks = doc.root.children.filter((n) => n.type !== 'yaml' && n.type !== 'html');
  const [first, second] = blocks;
  const candidates = first?.type === 'heading' && first.depth === 1 ? [first, second] : [first];
  return candidates.some((node) => {
    if (!node || (node.type !== 'paragraph' && node.type !== 'heading')) return false;
    const [s, e] = contentOffsets(node);
    return findStatement(doc.text.slice(s, e), s) !== null;
  });
}

const asLines = (hs: readonly HeadingSignal[]): Evidence['lines'] => hs.map((h) => ({ line: h.line, text: h.text }));

/** A group of blocks where stories are the majority; code-block groups are weak evidence and never decide. */
export function isDominant(g: LocatedGroups['groups'][number]): boolean {
  return !g.weak && g.stories.length >= 2 && g.stories.length * 2 >= g.size;
}

export function decideKind(
  doc: ParsedDocument,
  options: ClassifyOptions,
  flat: readonly SectionNodes[],
  locator: LocatedGroups,
): KindDecision {
  const evidence: Evidence[] = [];
  const typeValue = frontMatterField(doc, 'type');
  const fmKind = kindFromName(typeValue);
  if (fmKind) {
    const at = /^type[ \t]*:/m.exec(doc.text);
    const line = at ? lineOf(doc, at.index) : 1;
    evidence.push({
      signal: 'front-matter',
      says: fmKind,
      detail: `type: ${String(typeValue)}`,
      lines: [{ line, text: `type: ${String(typeValue)}` }],
    });
    return { kind: fmKind, detectedBy: 'front-matter', evidence, template: null };
  }
  if (options.config.artifact) {
    evidence.push({
      signal: 'config',
      says: options.config.artifact,
      detail: `the config maps this file to ${options.config.artifact}`,
      lines: [],
    });
    return { kind: options.config.artifact, detectedBy: 'config', evidence, template: null };
  }
  const filled = locator.groups.reduce((n, g) => n + g.stories.filter((st) => isFilledStory(st.statement)).length, 0);
  const template = templateOf(doc, options.filePath, filled);
  if (template) {
    evidence.push(template.evidence);
    return { kind: null, detectedBy: null, evidence, template: template.of };
  }
  const nameKind = kindFromFileName(options.filePath);
  if (nameKind) {
    const base = (options.filePath ?? '').split(/[\\/]/).pop() ?? '';
    evidence.push({ signal: 'file-name', says: nameKind, detail: `the file name ${base}`, lines: [] });
    return { kind: nameKind, detectedBy: 'file-name', evidence, template: null };
  }
  return decideByContent(doc, flat, locator, evidence);
}

function decideByContent(
  doc: ParsedDocument,
  flat: readonly SectionNodes[],
  locator: LocatedGroups,
  evidence: Evidence[],
): KindDecision {
  const found = (
    kind: ArtifactKind,
    detail: string,
    lines: Evidence['lines'],
    roadmap?: Roadmap | null,
  ): KindDecision => {
    evidence.push({ signal: 'content', says: kind, detail, lines });
    return { kind, detectedBy: 'content', evidence, template: null, roadmap };
  };
  const headings: HeadingSignal[] = flat.map((e) => ({
    line: lineOf(doc, e.section.heading.start),
    text: e.section.title,
  }));
  const signals = contentSignals(headings);
  const title = titleOf(doc);
  const titleKind = title ? kindFromTitle(title.text) : null;
  const sectioned = signals.product.length + signals.shared.length;
  const titleLines = title ? [{ line: title.line, text: title.text }] : [];

  if (signals.design.length > 0) {
    evidence.push({
      signal: 'content',
      says: 'design-doc',
      detail: `${signals.design.length} design-document headings`,
      lines: asLines(signals.design),
    });
  }
  if (titleKind === 'epic' && (sectioned >= 1 || locator.groups.length > 0))
    return found('epic', 'the title names an epic', titleLines);
  if (titleKind === 'business-case' && sectioned >= 1)
    return found('business-case', 'the title names a business case', titleLines);
  if (titleKind === 'prd' && sectioned >= 1)
    return found('prd', 'the title names a PRD or product spec', [
      ...titleLines,
      ...asLines([...signals.product, ...signals.shared]),
    ]);
  // By headings alone: product headings (audience, metrics, mockups …) must outweigh design-document ones.
  if (signals.product.length >= 2 && sectioned >= 3 && signals.design.length <= signals.product.length) {
    return found(
      'prd',
      `${signals.product.length} product headings and ${signals.shared.length} shared ones outweigh ${signals.design.length} design-document headings`,
      asLines([...signals.product, ...signals.shared]),
    );
  }
  if (sectioned > 0) {
    evidence.push({
      signal: 'content',
      says: null,
      detail: 'PRD-like headings, too few or outweighed by design-document ones',
      lines: asLines([...signals.product, ...signals.shared]),
    });
  }

  const history = (title && isHistoryTitle(title.text)) || false;
  if (!history) {
    const hints = titleKind === 'roadmap' ? roadmapHints(doc, flat) : [];
    if (hints.length > 0) {
      return found(
        'roadmap',
        'the title names a roadmap and horizons are named',
        [...titleLines, ...hints],
        findRoadmap(doc, flat, true),
      );
    }
    const roadmap = findRoadmap(doc, flat, false);
    if (roadmap)
      return found('roadmap', 'horizon headings or a roadmap table hold items', roadmapHints(doc, flat), roadmap);
    if (titleKind === 'roadmap')
      evidence.push({
        signal: 'content',
        says: null,
        detail: 'the title names a roadmap, but no horizon is named',
        lines: titleLines,
      });
  }

  const dominant = locator.groups.filter(isDominant);
  if (dominant.length > 0) {
    const lines = dominant
      .flatMap((g) => g.stories.slice(0, 3))
      .map((s) => ({ line: lineOf(doc, s.span.start), text: s.statement.span.text.slice(0, 80) }));
    return found('backlog', 'stories make up most of a list, table or section', lines);
  }
  if (opensWithStory(doc)) return found('story', 'the document opens with a story statement', []);
  return { kind: null, detectedBy: null, evidence, template: null };
}
