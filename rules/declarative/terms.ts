/**
 * `forbid-terms` and `prefer-terms`: Vale's existence and substitution checks, in our terms. The scope
 * says which parts of the artifact are read: story statements, acceptance criteria, whole stories, the
 * document, or the sections of one kind.
 */
import { sectionKinds, type ArtifactKind, type PackRuleData, type RuleContext } from '../../src/core/rule-api';
import { matcherFor, type Match } from './patterns';

export type ForbidTerms = Extract<PackRuleData, { kind: 'forbid-terms' }>;
export type PreferTerms = Extract<PackRuleData, { kind: 'prefer-terms' }>;
type Scope = ForbidTerms['scope'][number];

interface Region {
  start: number;
  end: number;
  artifact: ArtifactKind;
}

/** The parts of the document a scope reads, without overlaps reported twice. */
function regions(ctx: RuleContext<unknown>, scopes: readonly Scope[]): Region[] {
  const out: Region[] = [];
  const docKind = ctx.model.kind ?? 'story';
  for (const scope of scopes) {
    if (scope === 'document') {
      const start = ctx.doc.frontMatter ? ctx.doc.frontMatter.span.end : 0;
      out.push({ start, end: ctx.doc.text.length, artifact: docKind });
    } else if (scope === 'statement' || scope === 'story') {
      for (const s of ctx.model.stories) {
        if (s.parent === null) continue;
        const span = scope === 'story' ? s.span : s.statement.span;
        out.push({ start: span.start, end: span.end, artifact: 'story' });
      }
    } else if (scope === 'criteria') {
      for (const s of ctx.model.stories) {
        if (s.parent === null) continue;
        for (const c of s.acceptanceCriteria?.criteria ?? [])
          out.push({ start: c.span.start, end: c.span.end, artifact: 'story' });
      }
    } else {
      for (const section of ctx.model.sectioned?.sections ?? []) {
        if (sectionKinds(section.title).includes(scope.section as never))
          out.push({ start: section.body.start, end: section.body.end, artifact: docKind });
      }
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Nested regions (a statement inside a story) are read once, as the outer one.
  return out.filter((r, i) => !out.slice(0, i).some((o) => o.start <= r.start && o.end >= r.end));
}

function matchesIn(
  ctx: RuleContext<unknown>,
  scopes: readonly Scope[],
  match: (text: string, base: number) => Match[],
): { m: Match; artifact: ArtifactKind }[] {
  return regions(ctx, scopes).flatMap((r) =>
    match(ctx.doc.text.slice(r.start, r.end), r.start).map((m) => ({ m, artifact: r.artifact })),
  );
}

export function forbidTermsCheck(rule: ForbidTerms): (ctx: RuleContext<unknown>) => void {
  const match = matcherFor(rule.terms, rule.patterns);
  return (ctx) => {
    for (const { m, artifact } of matchesIn(ctx, rule.scope, match)) {
      ctx.report({ artifact, span: m, message: rule.message.replace(/\{term\}/g, m.text) });
    }
  };
}

export function preferTermsCheck(rule: PreferTerms): (ctx: RuleContext<unknown>) => void {
  const swap = new Map(
    Object.entries(rule.swap).map(([from, to]) => [from.trim().toLowerCase().replace(/\s+/g, ' '), to]),
  );
  const match = matcherFor([...Object.keys(rule.swap)]);
  return (ctx) => {
    for (const { m, artifact } of matchesIn(ctx, rule.scope, match)) {
      const to = swap.get(m.text.toLowerCase().replace(/\s+/g, ' '));
      if (to === undefined) continue;
      ctx.report({
        artifact,
        span: m,
        message: rule.message.replace(/\{term\}/g, m.text).replace(/\{preferred\}/g, to),
        fix: { title: `Replace "${m.text}" with "${to}"`, edits: [{ range: [m.start, m.end], text: to }] },
      });
    }
  };
}
