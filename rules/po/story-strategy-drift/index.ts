import { defineRule } from '../../../src/core/rule-api';
import { backlogStories } from '../_lib/stories';
import { memoByText } from '../../../src/core/rule-api';
import docs from './README.md';
import terms from './terms.json';
import { quote } from '../../_lib/message';

/** One alternation per group; the patterns are plain sequences (no nested quantifiers), so matching stays linear. */
const GROUPS = terms.groups.map((g) => ({
  topic: g.topic,
  re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${g.patterns.join('|')})(?![\\p{L}\\p{N}])`, g.caseSensitive ? 'gu' : 'giu'),
}));

/** Memoised: the editor checks the same stories again on every keystroke. */
const firstHit = memoByText(
  (text: string) => text,
  (text: string): { index: number; text: string; topic: string } | null => {
    let best: { index: number; text: string; topic: string } | null = null;
    for (const g of GROUPS) {
      g.re.lastIndex = 0;
      const m = g.re.exec(text);
      if (m && (!best || m.index < best.index)) best = { index: m.index, text: m[0], topic: g.topic };
    }
    return best;
  },
);

export default defineRule({
  meta: {
    id: 'story-strategy-drift',
    role: 'po',
    artifacts: ['backlog', 'story'],
    severity: 'warning',
    description:
      'A user story carries product-strategy content (pricing strategy, market size, revenue targets, competitor analysis).',
    rationale:
      'Strategy decisions belong in the PRD or business case where the Product Manager owns them; in a story they go stale unseen and blur what the team must build.',
    fixable: false,
    scope: 'section',
  },
  docs,
  check(ctx) {
    for (const story of backlogStories(ctx.model)) {
      // The story's whole region: statement, criteria and the rest of its section, list item or row.
      const hit = firstHit(story.span.text);
      if (!hit) continue;
      const start = story.span.start + hit.index;
      ctx.report({
        artifact: 'story',
        span: { start, end: start + hit.text.length },
        message: `${quote(hit.text, 28)} is ${hit.topic}, a strategy matter: move it to the PRD or business case`,
      });
    }
  },
});
