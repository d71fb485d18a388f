/** How docs name roles and artifact kinds, from the ids in rule metadata. */
import { ROLE_NAMES } from '../core/roles';
import { ARTIFACT_KINDS, ROLES, type ArtifactKind, type Pack, type Role } from '../core/types';

/** "Product Owner and Product Manager": the roles' names as a phrase. */
export function roleNames(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_NAMES[r].name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export const ROLE_LABELS: Record<Pack, string> = {
  po: ROLE_NAMES.po.name,
  pm: ROLE_NAMES.pm.name,
  common: `common (${roleNames(ROLES)})`,
};

/** Where space is short (the Problems source): "PO", "PM", "PO+PM" for a common rule. */
export const ROLE_SHORT_LABELS: Record<Pack, string> = {
  po: ROLE_NAMES.po.short,
  pm: ROLE_NAMES.pm.short,
  common: ROLES.map((r) => ROLE_NAMES[r].short).join('+'),
};

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
