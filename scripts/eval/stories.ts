/**
 * Unlabelled backlogs: text files with one story per line. Each file becomes one backlog document; the
 * result is the rate of each rule's findings per 100 stories and a spread sample of them to read.
 */
import { backlogDoc, storyOf, type StoryEntry } from './backlog-doc';
import { lint } from './lint';

/** A corpus packaging prefix such as "#G02#" before the story. */
const ID_PREFIX = /^#[^#\s]{1,20}#\s*/;
/** Lines that open like a user story: Connextra or job story. */
const STORY_START = /^(?:as\s+(?:a|an|the)?\s*\S|when\s+\S)/i;

/** The stories of a one-story-per-line file, or null when most lines are not stories (a word list, say). */
export function storyLines(text: string, file: string): StoryEntry[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const stories = lines.map((l) => l.replace(ID_PREFIX, ''));
  if (stories.length === 0 || stories.filter((s) => STORY_START.test(s)).length * 2 < stories.length) return null;
  return stories.map((story, i) => ({ id: `${file}:${i + 1}`, story }));
}

export interface SampleFinding {
  id: string;
  story: string;
  finding: string;
  message: string;
}

export interface RuleRate {
  findings: number;
  storiesFlagged: number;
  per100: number;
  sample: SampleFinding[];
}

export interface StoriesResult {
  folder: string;
  files: number;
  stories: number;
  rules: Record<string, RuleRate>;
}

export function evaluateStories(
  folder: string,
  files: readonly { name: string; stories: StoryEntry[] }[],
  sampleSize = 8,
): StoriesResult {
  const all: Record<string, SampleFinding[]> = {};
  const flagged: Record<string, Set<string>> = {};
  let stories = 0;
  for (const { name, stories: entries } of files) {
    stories += entries.length;
    const doc = backlogDoc(name, entries);
    for (const f of lint(doc.text, `${name}/backlog.md`).findings) {
      const at = storyOf(doc, f);
      const entry = entries[at];
      const id = entry ? entry.id : `${name}:title`;
      (all[f.ruleId] ??= []).push({
        id,
        story: entry?.story ?? '',
        finding: doc.text.slice(f.range[0], f.range[1]),
        message: f.message,
      });
      (flagged[f.ruleId] ??= new Set()).add(id);
    }
  }
  const rules: Record<string, RuleRate> = {};
  for (const [ruleId, list] of Object.entries(all).sort(([a], [b]) => a.localeCompare(b))) {
    // Every k-th finding, so the sample spreads over the files instead of reading the first backlog only.
    const step = Math.max(1, Math.floor(list.length / sampleSize));
    rules[ruleId] = {
      findings: list.length,
      storiesFlagged: flagged[ruleId]?.size ?? 0,
      per100: stories > 0 ? (100 * (flagged[ruleId]?.size ?? 0)) / stories : 0,
      sample: list.filter((_, i) => i % step === 0).slice(0, sampleSize),
    };
  }
  return { folder, files: files.length, stories, rules };
}
