/**
 * Markdown documents that are meant to be artifacts (PRD-like design docs such as Kubernetes KEPs), mapped
 * as PRDs the way a team would map them, with an `artifacts` glob (design docs are no PRDs by content): how
 * they are classified, whether their Motivation / Goals / Non-Goals / Risks headings are recognised as
 * the matching PRD sections, whether the user stories in them are located, and what is reported.
 */
import { defaultConfig } from '../../src/config/defaults';
import { sectionKinds, type SectionKind } from '../../src/core/classify/sections';
import { lintDocument } from '../../src/core/engine';
import { builtinRules } from '../../src/rule-set';
import type { Section } from '../../src/core/model';

/**
 * Headings that are plainly one of the four sections, found independently of the classifier (loose
 * patterns a reader would agree with), paired with the PRD section kind they must be recognised as.
 */
export const EXPECTED_SECTIONS: readonly { name: string; pattern: RegExp; kind: SectionKind }[] = [
  { name: 'Motivation', pattern: /\bmotivation\b/i, kind: 'problem' },
  { name: 'Goals', pattern: /^(?:[\d.]+\s*)?goals?\b(?!\s*\/)/i, kind: 'goals' },
  { name: 'Non-Goals', pattern: /\bnon[-\s]?goals?\b/i, kind: 'scope' },
  { name: 'Risks', pattern: /\brisks?\b/i, kind: 'risks' },
];

/** A Connextra story opening anywhere in a line ("As a cluster admin, I want …"). */
const STORY_IN_TEXT = /\bas\s+(?:a|an)\s+[^,.\n]{1,80}?,?\s+I\s+(?:want|would\s+like|need|can)\b/gi;

export interface SectionRate {
  present: number;
  recognised: number;
  missed: { file: string; heading: string }[];
}

export interface DocumentsResult {
  folder: string;
  files: number;
  kinds: Record<string, number>;
  sections: Record<string, SectionRate>;
  stories: { inText: number; located: number };
  findings: Record<string, number>;
  perFile: { file: string; kind: string | null; findings: Record<string, number> }[];
}

function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

export function evaluateDocuments(folder: string, files: readonly { name: string; text: string }[]): DocumentsResult {
  const result: DocumentsResult = {
    folder,
    files: files.length,
    kinds: {},
    sections: {},
    stories: { inText: 0, located: 0 },
    findings: {},
    perFile: [],
  };
  for (const e of EXPECTED_SECTIONS) result.sections[e.name] = { present: 0, recognised: 0, missed: [] };
  for (const { name, text } of files) {
    const { result: lintResult, model } = lintDocument(text, {
      filePath: name,
      config: { ...defaultConfig(), artifact: 'prd' },
      rules: builtinRules,
    });
    const kind = model.kind ?? 'none';
    result.kinds[kind] = (result.kinds[kind] ?? 0) + 1;
    for (const section of flatten(model.sections)) {
      for (const e of EXPECTED_SECTIONS) {
        if (!e.pattern.test(section.title)) continue;
        const rate = result.sections[e.name] as SectionRate;
        rate.present++;
        // Recognised means the PRD rules see it: the document is a PRD and the heading names that section.
        if (model.kind === 'prd' && sectionKinds(section.title).includes(e.kind)) rate.recognised++;
        else rate.missed.push({ file: name, heading: section.title });
      }
    }
    // Stories in fenced code are examples of syntax, not stories; the loose count skips them too.
    const prose = text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
    result.stories.inText += [...prose.matchAll(STORY_IN_TEXT)].length;
    result.stories.located += model.stories.length;
    const counts: Record<string, number> = {};
    for (const f of lintResult.findings) {
      counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
      result.findings[f.ruleId] = (result.findings[f.ruleId] ?? 0) + 1;
    }
    result.perFile.push({ file: name, kind: model.kind, findings: counts });
  }
  return result;
}
