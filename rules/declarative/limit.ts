/** `limit`: counts with a ceiling (criteria per story, words in a statement, items per horizon, stories per backlog). */
import type { PackRuleData, RuleContext } from '../../src/core/rule-api';

export type Limit = Extract<PackRuleData, { kind: 'limit' }>;

const words = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function checkLimit(ctx: RuleContext<unknown>, rule: Limit): void {
  const over = (n: number): string => `${rule.message} (${n}, at most ${rule.max})`;
  switch (rule.count) {
    case 'criteria-per-story':
      for (const s of ctx.model.stories) {
        const n = s.acceptanceCriteria?.criteria.length ?? 0;
        if (s.parent !== null && n > rule.max)
          ctx.report({ artifact: 'story', span: s.acceptanceCriteria?.label ?? s.statement.span, message: over(n) });
      }
      return;
    case 'statement-words':
      for (const s of ctx.model.stories) {
        const n = words(s.statement.span.text);
        if (s.parent !== null && s.statement.template !== 'invalid' && n > rule.max)
          ctx.report({ artifact: 'story', span: s.statement.span, message: over(n) });
      }
      return;
    case 'stories-per-backlog': {
      const backlog = ctx.model.backlog;
      const first = backlog?.stories[rule.max];
      if (backlog && first)
        ctx.report({
          artifact: 'backlog',
          span: first.title ?? first.statement.span,
          message: over(backlog.stories.length),
        });
      return;
    }
    case 'roadmap-items-per-horizon': {
      const byHorizon = new Map<string, NonNullable<typeof ctx.model.roadmap>['items']>();
      for (const item of ctx.model.roadmap?.items ?? []) {
        const horizon = (item.fields.horizon ?? item.inheritedHorizon)?.text.trim().toLowerCase();
        if (!horizon) continue;
        byHorizon.set(horizon, [...(byHorizon.get(horizon) ?? []), item]);
      }
      for (const items of byHorizon.values()) {
        const first = items[rule.max];
        if (first) ctx.report({ artifact: 'roadmap-item', span: first.title, message: over(items.length) });
      }
    }
  }
}
