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

/** `*.story.md`, `*.prd.md`, `PRD.md`, `roadmap.md`, `backlog.md`, … */
export function kindFromFileName(filePath: string | undefined): ArtifactKind | undefined {
  if (!filePath) return undefined;
  const base = (filePath.split(/[\\/]/).pop() ?? '').toLowerCase();
  const m = /^(?:(.+)[.-_])?(story|stories|backlog|prd|epic|roadmap|business-case|businesscase)\.(?:md|markdown|mdx)$/.exec(base);
  if (!m) return undefined;
  const word = m[2] as string;
  if (word === 'stories') return 'backlog';
  if (word === 'businesscase') return 'business-case';
  // A bare "story.md" or "epic.md" is as clear as "login.story.md".
  return word as ArtifactKind;
}
