/**
 * The roles, once: their ids, the names a document's front matter may give them (`role: product owner`)
 * and the words people read (docs, the status bar, the Problems source). The engine narrows the packs
 * with `roleFromName`, and the front-matter rule accepts exactly the names it lists.
 */
import { ROLES, type Role } from './types';

export const ROLE_NAMES: Record<Role, { name: string; short: string }> = {
  po: { name: 'Product Owner', short: 'PO' },
  pm: { name: 'Product Manager', short: 'PM' },
};

/** The names `role:` / `owner:` may give a role: its id, its name, its name hyphenated (any case). */
function aliasesOf(role: Role): string[] {
  const name = ROLE_NAMES[role].name.toLowerCase();
  return [role, name, name.replace(/ /g, '-')];
}

/** Every accepted name, short ones first ("po, pm, product owner, …"), as messages list them. */
export const ROLE_ALIASES: readonly string[] = [0, 1, 2].flatMap((i) => ROLES.map((r) => aliasesOf(r)[i] as string));

/** The role a front-matter value names, if it names one. */
export function roleFromName(value: unknown): Role | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return ROLES.find((r) => aliasesOf(r).includes(v));
}
