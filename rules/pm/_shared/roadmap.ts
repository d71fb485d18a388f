/** Helpers shared by the roadmap-item rules: the text of an item that may state a why or a horizon. */
import type { RoadmapItem } from '../../../src/core/model';

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
