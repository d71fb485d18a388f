/**
 * The criteria block a fix inserts, in the style the document already uses: the label (a `###` heading at
 * its level, or a bold `**Acceptance criteria**` line, in the document's own words), the list marker
 * (`-`, `*`, `1.`, `- [ ]`) and the form (Given/When/Then, or a checklist of outcomes). A document with
 * no criteria yet gets the built-in template.
 */
import type { AcceptanceCriteria, Story } from '../../../src/core/rule-api';

/** A list marker at the start of a criterion's line, with its checkbox if any. */
const MARKER = /^[ \t]*(?:[-*+]|\d+[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t])/;
const GIVEN_ITEM = 'Given \\<context>, when \\<action>, then \\<observable outcome>';
const CHECK_ITEM = '\\<observable outcome>';

export interface CriteriaStyle {
  /** The label line as the document writes it (`### Acceptance criteria`, `**AC:**`), or none. */
  label?: string;
  /** `-`, `*`, `1.`, `- [ ]`. */
  marker: string;
  gherkin: boolean;
}

function lineStartAt(text: string, at: number): number {
  return Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
}

function styleOf(text: string, block: AcceptanceCriteria): CriteriaStyle | null {
  const first = block.criteria[0];
  if (!first) return null;
  const line = text.slice(lineStartAt(text, first.span.start), first.span.start + 1);
  const marker = MARKER.exec(line)?.[0].trim().replace(/^\d+/, '1');
  // Criteria written as paragraphs or code have no marker to follow: the built-in list stays.
  if (!marker) return null;
  const labelText = block.label ? text.slice(lineStartAt(text, block.label.start), block.label.end) : undefined;
  // A label sharing its line with a criterion ("**AC:** Given …") is no line of its own to copy.
  const label =
    labelText && /^[ \t]*(?:#{1,6}[ \t]|\*\*|__)/.test(labelText)
      ? labelText.trim() + labelTail(text, block.label?.end ?? 0)
      : undefined;
  return { label, marker, gherkin: block.criteria.some((c) => c.gherkin) };
}

/** The colon or closing markup after a label span, up to the end of its line (`**AC**:` keeps its `:`). */
function labelTail(text: string, end: number): string {
  return /^[^\S\r\n]*[:：]?(?:\*\*|__)?[:：]?/.exec(text.slice(end))?.[0].trimEnd() ?? '';
}

/** The style of the first story of the same container kind that has criteria (the document's own habit). */
export function documentStyle(text: string, stories: readonly Story[], like: Story): CriteriaStyle | null {
  for (const story of stories) {
    if (story === like || story.container !== like.container || !story.acceptanceCriteria) continue;
    const style = styleOf(text, story.acceptanceCriteria);
    if (style) return style;
  }
  return null;
}

/** The template text for a block in this style; `withLabel` is false for a nested list item's criteria. */
export function styledTemplate(style: CriteriaStyle, withLabel: boolean): string {
  const item = `${style.marker} ${style.gherkin ? GIVEN_ITEM : CHECK_ITEM}`;
  return withLabel && style.label ? `${style.label}\n\n${item}\n` : `${item}\n`;
}
