/**
 * `require-section`: a PRD, epic or business case must state something (a Problem section, say): a
 * heading of that section kind or one of the pack's aliases, a labelled line, a key/value row or a
 * front-matter key. The fix inserts the template where the pack's order of sections puts it, so
 * "Add a Problem section" lands before Audience and Metrics rather than after the last table.
 */
import {
  insertionFix,
  normalizeLabel,
  sectionKinds,
  type InsertPoint,
  type PackRuleData,
  type RuleContext,
  type Section,
  type SectionKind,
} from '../../src/core/rule-api';
import { documentAnchor, statesBy, type LabelTest } from './stated';

export type RequireSection = Extract<PackRuleData, { kind: 'require-section' }>;

/** What a heading or label must name for the rule to count it. */
export function sectionTest(rule: RequireSection): { headings: LabelTest; labels: LabelTest } {
  const kinds = [rule.section, ...(rule.also ?? [])].filter((k): k is string => k !== undefined) as SectionKind[];
  const aliases = new Set(
    Object.values(rule.aliases ?? {})
      .flat()
      .map((a) => normalizeLabel(a)),
  );
  const aliased = (label: string): boolean =>
    aliases.size > 0 && aliases.has(normalizeLabel(label).replace(/\s*\(optional\)$/, ''));
  return {
    headings: (title) => aliased(title) || sectionKinds(title).some((k) => kinds.includes(k)),
    labels: (label) => aliased(label) || sectionKinds(label).some((k) => kinds.includes(k)),
  };
}

/**
 * Where the missing section goes: before the first top-level section that a later rule of the same
 * pack and artifact names (the pack lists its sections in template order), else at the end.
 */
function insertPoint(ctx: RuleContext<unknown>, later: readonly RequireSection[]): InsertPoint {
  const artifact = ctx.model.sectioned as NonNullable<typeof ctx.model.sectioned>;
  const tests = later.map(sectionTest);
  const depth = artifact.appendSection.headingDepth;
  const next = artifact.sections.find((s: Section) => s.depth === depth && tests.some((t) => t.headings(s.title)));
  if (!next) return artifact.appendSection;
  return { offset: next.heading.start, before: '', after: '\n\n', indent: '', headingDepth: depth };
}

export function checkRequireSection(
  ctx: RuleContext<unknown>,
  rule: RequireSection,
  later: readonly RequireSection[],
): void {
  const artifact = ctx.model.sectioned;
  if (!artifact) return;
  const { headings, labels } = sectionTest(rule);
  if (statesBy(ctx, headings, labels, rule.where)) return;
  if (rule.storiesCount && ctx.model.stories.some((s) => s.statement.template === 'connextra' && s.statement.role))
    return;
  const template = rule.template === undefined ? undefined : ctx.template();
  ctx.report({
    artifact: artifact.kind,
    span: documentAnchor(ctx),
    message: rule.message,
    fix:
      template === undefined
        ? undefined
        : insertionFix(rule.fixTitle ?? `Add a ${firstLine(template)} section`, insertPoint(ctx, later), template),
  });
}

/** The template's first heading text, for a default fix title. */
function firstLine(template: string): string {
  return /^#{1,6}\s+(.+)$/m.exec(template)?.[1]?.trim() ?? 'missing';
}
