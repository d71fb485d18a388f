/** Helpers shared by the roadmap-item rules: the text of an item that may state a why or a horizon, and how to report. */
import type { RoadmapItem } from '../../../src/core/rule-api';

/** The item's text with the named fields blanked out (an outcome metric is not a reason, say). */
export function textWithout(item: RoadmapItem, fields: readonly string[]): string {
  let text = item.span.text;
  for (const name of fields) {
    const f = item.fields[name];
    if (!f) continue;
    const from = f.start - item.span.start;
    const to = f.end - item.span.start;
    if (from >= 0 && to <= text.length) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text;
}

/** From this many items lacking something, and more than half of them, one finding speaks for all. */
const SUMMARY_FROM = 6;

/**
 * Which items lacking something to report one by one. When most items of a longer roadmap lack it, the
 * roadmap's style is to leave it out: one finding on the first such item says so, instead of one per
 * item (a reviewer writes "items give no rationale" once, not a hundred times).
 */
export function reportPlan(
  items: readonly RoadmapItem[],
  lacking: readonly RoadmapItem[],
): { each: RoadmapItem[]; summary: RoadmapItem | null } {
  if (lacking.length >= SUMMARY_FROM && lacking.length * 2 > items.length)
    return { each: [], summary: lacking[0] as RoadmapItem };
  return { each: [...lacking], summary: null };
}
