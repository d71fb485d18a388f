/** How docs name roles and artifact kinds, from the ids in rule metadata. */
import { ARTIFACT_KINDS, type ArtifactKind, type Pack } from '../core/types';

export const ROLE_LABELS: Record<Pack, string> = { po: 'Product Owner', pm: 'Product Manager', common: 'common (Product Owner and Product Manager)' };

const KIND_LABELS: Record<ArtifactKind, string> = {
  story: 'story',
  backlog: 'backlog',
  epic: 'epic',
  prd: 'PRD',
  roadmap: 'roadmap',
  'roadmap-item': 'roadmap item',
  'business-case': 'business case',
};

/** "story, backlog", or "any" for a rule about every kind. */
export function artifactsLabel(kinds: readonly ArtifactKind[]): string {
  if (ARTIFACT_KINDS.every((k) => kinds.includes(k))) return 'any';
  return kinds.map((k) => KIND_LABELS[k]).join(', ');
}
