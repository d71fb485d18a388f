/**
 * Verdicts that follow from the gold labels the annotators agreed on almost completely (stories, their
 * benefit / criteria / atomicity, roadmap items, metric lines, sections, silent files), for findings no
 * expected finding matches. The expected findings are not exhaustive (a reviewer lists "no benefit" once
 * for a file, or for a subset of the stories); the labels say, story by story, whether the finding is due.
 * Returns null where the labels do not decide: a human verdict (verdicts.json) is needed there.
 */
import type { Finding } from '../../../src/core/types';
import type { GoldFile } from './gold';

export interface LabelVerdict {
  verdict: 'right' | 'wrong';
  reason: string;
}

const SECTION_RULES: Record<string, string> = {
  'prd-problem': 'problem',
  'prd-audience': 'audience',
  'prd-success-metrics': 'success_metrics',
  'prd-scope': 'non_goals',
  'prd-risks': 'risks',
  'epic-objective': 'objective',
};

const STORY_RULES: Record<string, { missing: (s: NonNullable<GoldFile['stories']>[number]) => boolean; what: string }> =
  {
    'story-benefit': { missing: (s) => !s.has_benefit, what: 'a benefit' },
    'story-acceptance-criteria': { missing: (s) => !s.has_acceptance_criteria, what: 'acceptance criteria' },
    'story-atomic': { missing: (s) => !s.atomic, what: 'one feature only' },
  };

const nearest = <T extends { line: number }>(items: readonly T[], line: number, tolerance: number): T | undefined =>
  items
    .filter((i) => Math.abs(i.line - line) <= tolerance)
    .sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line))[0];

/**
 * The gold story a finding on `line` is about: the one starting on that line, else the nearest one
 * starting up to three lines above (a conjunction can sit on the third line of a long statement), else
 * one starting on the next line.
 */
export function storyAt<T extends { line: number }>(stories: readonly T[], line: number): T | undefined {
  const exact = stories.find((s) => s.line === line);
  if (exact) return exact;
  const above = stories.filter((s) => s.line < line && line - s.line <= 3).sort((a, b) => b.line - a.line)[0];
  return above ?? stories.find((s) => s.line === line + 1);
}

export function labelVerdict(g: GoldFile, f: Pick<Finding, 'ruleId' | 'line'>): LabelVerdict | null {
  if (g.should_stay_silent) return { verdict: 'wrong', reason: 'ordinary Markdown: nothing should be reported' };
  if (g.kind === 'none')
    return { verdict: 'wrong', reason: 'the document is no PO/PM artifact (its stories are examples)' };
  if (g.kind === 'template') return null;
  // A PRD, epic or roadmap rule on a file gold gives another kind: the file was read as the wrong artifact.
  const pmKind = SECTION_RULES[f.ruleId]
    ? f.ruleId === 'epic-objective'
      ? 'epic'
      : 'prd'
    : f.ruleId.startsWith('roadmap-')
      ? 'roadmap'
      : undefined;
  if (pmKind && g.kind !== pmKind && !(pmKind === 'prd' && (g.kind === 'epic' || g.kind === 'business-case'))) {
    return { verdict: 'wrong', reason: `gold: the file is a ${g.kind}, not a ${pmKind}` };
  }
  const story = STORY_RULES[f.ruleId];
  if (story && g.stories) {
    const s = storyAt(g.stories, f.line);
    if (!s) return { verdict: 'wrong', reason: 'not a story in gold' };
    return story.missing(s)
      ? { verdict: 'right', reason: `gold: the story lacks ${story.what}` }
      : { verdict: 'wrong', reason: `gold: the story has ${story.what}` };
  }
  if ((f.ruleId === 'roadmap-item-why' || f.ruleId === 'roadmap-item-horizon') && g.items) {
    const item = nearest(g.items, f.line, 1);
    if (!item) return { verdict: 'wrong', reason: 'not a roadmap item in gold' };
    const has = f.ruleId === 'roadmap-item-why' ? item.has_why : item.has_horizon;
    const what = f.ruleId === 'roadmap-item-why' ? 'why' : 'horizon';
    return has
      ? { verdict: 'wrong', reason: `gold: the item has a ${what}` }
      : { verdict: 'right', reason: `gold: the item has no ${what}` };
  }
  if (f.ruleId === 'metric-measurable' && g.metrics) {
    const metric = nearest(g.metrics, f.line, 0);
    if (metric)
      return metric.measurable
        ? { verdict: 'wrong', reason: 'gold: the metric has a target' }
        : { verdict: 'right', reason: 'gold: the metric has no target' };
    return null;
  }
  const section = SECTION_RULES[f.ruleId];
  if (section && g.sections?.[section]) {
    return g.sections[section].present
      ? { verdict: 'wrong', reason: `gold: the ${section} section is there ("${g.sections[section].heading_text}")` }
      : { verdict: 'right', reason: `gold: no ${section} section` };
  }
  return null;
}
