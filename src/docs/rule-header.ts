/**
 * The metadata line under each rule README's title, generated from the rule's meta so the docs cannot
 * claim a severity, artifact or fix the rule does not have (scripts/gen-rule-docs.js writes it).
 */
import type { RuleMeta } from '../core/rule';
import { artifactsLabel, ROLE_LABELS } from './labels';

export function ruleDocsHeader(meta: Pick<RuleMeta, 'role' | 'artifacts' | 'severity' | 'fixable'>): string {
  return `**Role:** ${ROLE_LABELS[meta.role]} · **Artifact:** ${artifactsLabel(meta.artifacts)} · **Default severity:** ${meta.severity} · **Fixable:** ${meta.fixable ? 'yes' : 'no'}`;
}

/** `docs` with its header line (the first line starting `**Role:**`) replaced by the generated one. */
export function withDocsHeader(docs: string, meta: Parameters<typeof ruleDocsHeader>[0]): string {
  const header = ruleDocsHeader(meta);
  if (/^\*\*Role:\*\*.*$/m.test(docs)) return docs.replace(/^\*\*Role:\*\*.*$/m, header);
  // No header yet: it goes after the title and the one-line summary under it.
  return docs.replace(/^(# .*\n\n(?:.+\n)*?)\n/, `$1\n${header}\n\n`);
}
