/** Which artifact kind a document is, from the strongest evidence down: front matter, config, file name. */
import type { ArtifactKind } from '../types';
import { ARTIFACT_KINDS } from '../types';

/** Other names a front-matter `type:` may use (the front-matter rule lists them as valid values). */
export const KIND_ALIASES: Record<string, ArtifactKind> = {
  'user-story': 'story',
  'user story': 'story',
  'job-story': 'story',
  stories: 'backlog',
  'product-backlog': 'backlog',
  'product backlog': 'backlog',
  'product-requirements': 'prd',
  'product requirements document': 'prd',
  spec: 'prd',
  'business case': 'business-case',
  businesscase: 'business-case',
  'roadmap item': 'roadmap-item',
};

/** Maps a front-matter `type:` value to a kind; undefined when it names none. */
export function kindFromName(value: unknown): ArtifactKind | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if ((ARTIFACT_KINDS as readonly string[]).includes(v)) return v as ArtifactKind;
  return KIND_ALIASES[v];
}

/** Languages a file name may carry before its extension ("roadmap.en.md", "README.de.md"). */
const LANGUAGE_SUFFIX = /^(?:en|nl|de|fr|es|pt|it|ja|zh|ko|ru|pl|sv|da|no|fi|cs|tr|uk|[a-z]{2}-[a-z]{2})$/;
/** Words of a file name, in order, that name a kind. Several words make one name ("business case", "user stories"). */
const NAME_WORDS: readonly { words: readonly string[]; kind: ArtifactKind }[] = [
  { words: ['business', 'case'], kind: 'business-case' },
  { words: ['businesscase'], kind: 'business-case' },
  { words: ['product', 'backlog'], kind: 'backlog' },
  { words: ['user', 'stories'], kind: 'backlog' },
  { words: ['userstories'], kind: 'backlog' },
  { words: ['job', 'stories'], kind: 'backlog' },
  { words: ['stories'], kind: 'backlog' },
  { words: ['backlog'], kind: 'backlog' },
  { words: ['user', 'story'], kind: 'story' },
  { words: ['userstory'], kind: 'story' },
  { words: ['story'], kind: 'story' },
  { words: ['prd'], kind: 'prd' },
  { words: ['epic'], kind: 'epic' },
  { words: ['roadmap'], kind: 'roadmap' },
  { words: ['historias', 'de', 'usuario'], kind: 'backlog' },
  { words: ['historias', 'do', 'usuario'], kind: 'backlog' },
  { words: ['historia', 'de', 'usuario'], kind: 'story' },
  { words: ['historia', 'do', 'usuario'], kind: 'story' },
  { words: ['gebruikersverhalen'], kind: 'backlog' },
];

/** The words of a file's base name, lower case, without its extension and language suffix. */
export function fileNameWords(filePath: string | undefined): string[] {
  if (!filePath) return [];
  const base = (filePath.split(/[\\/]/).pop() ?? '').toLowerCase();
  const m = /^(.*)\.(?:md|markdown|mdx)$/.exec(base);
  if (!m) return [];
  // "userstory3" is "userstory 3": a number glued to a word is a word of its own.
  const words = (m[1] as string).split(/[.\-_\s]+|(?<=[a-z])(?=\d)/).filter((w) => w !== '');
  if (words.length > 1 && LANGUAGE_SUFFIX.test(words[words.length - 1] as string)) words.pop();
  return words;
}

/**
 * The kind a file's name gives it: the kind word must open or close the name ("login-epic.md",
 * "roadmap-2023.md", "user_stories.md", "BUSINESS_CASE.md", "roadmap.en.md"), so "story-mapping-guide.md"
 * or "epic-decision-record.md" stay unnamed. A year or number after the word does not hide it.
 */
export function kindFromFileName(filePath: string | undefined): ArtifactKind | undefined {
  const words = fileNameWords(filePath);
  if (words.length === 0) return undefined;
  let end = words.length;
  while (end > 1 && /^\d+$/.test(words[end - 1] as string)) end--;
  let start = 0;
  while (start < end - 1 && /^\d+$/.test(words[start] as string)) start++;
  const named = words.slice(start, end);
  for (const { words: w, kind } of NAME_WORDS) {
    const atEnd = named.length >= w.length && w.every((x, i) => named[named.length - w.length + i] === x);
    const atStart =
      named.length >= w.length &&
      w.every((x, i) => named[i] === x) &&
      (named.length === w.length || !DESCRIPTIVE_NEXT.has(named[w.length] as string));
    if (atEnd || atStart) return kind;
  }
  return undefined;
}

/** Words that, after a kind word, show the name is about something else ("epic-decision-record", "story-map"). */
const DESCRIPTIVE_NEXT = new Set([
  'decision',
  'record',
  'map',
  'mapping',
  'template',
  'templates',
  'guide',
  'points',
  'point',
  'writing',
  'format',
  'workflow',
  'process',
  'refinement',
  'grooming',
  'management',
]);

/** True when a file's name says it is a template ("0000-template.md", "platform-epic-template.md", "PULL_REQUEST_TEMPLATE.md"). */
export function fileNameSaysTemplate(filePath: string | undefined): boolean {
  return fileNameWords(filePath).some((w) =>
    /^(?:template|templates|sjabloon|vorlage|modele|plantilla|modelo)$/.test(w),
  );
}
