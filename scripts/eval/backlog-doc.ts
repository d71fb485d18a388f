/** Writes stories as the `##` sections of one backlog document and maps findings back to the stories. */
import type { Finding } from '../../src/core/types';

export interface StoryEntry {
  id: string;
  story: string;
}

export interface BacklogDoc {
  text: string;
  /** Each story's section, in input order. */
  spans: { start: number; end: number }[];
}

export function backlogDoc(title: string, stories: readonly StoryEntry[]): BacklogDoc {
  let text = `# ${title}\n\n`;
  const spans: { start: number; end: number }[] = [];
  for (const s of stories) {
    const start = text.length;
    text += `## ${s.id}\n\n${s.story}\n\n`;
    spans.push({ start, end: text.length });
  }
  return { text, spans };
}

/** Index of the story a finding starts in, or -1 (a finding on the document title). */
export function storyOf(doc: BacklogDoc, finding: Finding): number {
  return doc.spans.findIndex((s) => finding.range[0] >= s.start && finding.range[0] < s.end);
}
