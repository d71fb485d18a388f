/**
 * How a rule's report becomes a Finding, in one place: the engine (reports within a file) and the checks
 * across files fill in the rule's id, role, rationale and docs link the same way.
 */
import { docsUrl, type Rule } from './rule';
import type { ActiveSeverity, ArtifactKind, Finding } from './types';

/** What was reported and where, already resolved to offsets and 1-based lines and columns. */
export interface FindingPlace {
  artifact: ArtifactKind;
  message: string;
  /** The report's own reason; the rule's `meta.rationale` when absent. */
  rationale?: string;
  range: [number, number];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function findingOf(rule: Rule<any>, severity: ActiveSeverity, at: FindingPlace): Finding {
  return {
    ruleId: rule.meta.id,
    role: rule.meta.role,
    artifact: at.artifact,
    severity,
    message: at.message,
    rationale: at.rationale ?? rule.meta.rationale,
    range: at.range,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    docsUrl: rule.docsUrl ?? docsUrl(rule.meta),
  };
}
