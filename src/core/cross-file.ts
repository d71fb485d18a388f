/**
 * Checks across the files of one run (duplicate stories in two backlogs, say). Each file contributes
 * small items while it is linted; trees are not kept, so memory stays flat however many files there are.
 */
import { findingOf } from './finding';
import type { CrossFileItem, Rule } from './rule';
import type { DocumentLint } from './engine';
import { severityOf } from './engine';
import { suppressorOf, type Directive } from './suppress';
import type { ActiveSeverity, EffectiveConfig, Finding, LintResult } from './types';

export type Directives = Directive[];

interface Entry {
  filePath: string;
  item: CrossFileItem;
  severity: ActiveSeverity;
}

export class CrossFileRun {
  private readonly entries = new Map<string, Entry[]>();
  private readonly directives = new Map<string, Directives>();

  constructor(private readonly rules: readonly Rule<any>[]) {}

  add(lint: DocumentLint, config: EffectiveConfig): void {
    this.addCollected(lint.result.filePath, lint.crossFile, lint.directives, config);
  }

  /** What one file contributed, without its tree: a worker thread or the cache hands over just this. */
  addCollected(
    filePath: string,
    crossFile: Iterable<[string, CrossFileItem[]]>,
    directives: Directives,
    config: EffectiveConfig,
  ): void {
    for (const [ruleId, items] of crossFile) {
      const rule = this.rules.find((r) => r.meta.id === ruleId);
      const severity = rule ? severityOf(rule, config) : 'off';
      if (severity === 'off' || items.length === 0) continue;
      const list = this.entries.get(ruleId) ?? [];
      for (const item of items) list.push({ filePath, item, severity });
      this.entries.set(ruleId, list);
    }
    if (directives.length > 0) this.directives.set(filePath, directives);
  }

  /** Findings per file, split into reported and suppressed. */
  finish(): Map<string, { findings: Finding[]; suppressed: Finding[] }> {
    const out = new Map<string, { findings: Finding[]; suppressed: Finding[] }>();
    for (const rule of this.rules) {
      const entries = this.entries.get(rule.meta.id);
      if (!rule.crossFile || !entries) continue;
      const severityByItem = new Map(entries.map((e) => [e.item, e.severity]));
      for (const report of rule.crossFile.checkAcross(entries.map(({ filePath, item }) => ({ filePath, item })))) {
        const { item } = report;
        const finding = findingOf(rule, severityByItem.get(item) ?? rule.meta.severity, {
          artifact: item.artifact,
          message: report.message,
          rationale: report.rationale,
          range: [item.span.start, item.span.end],
          line: item.line,
          column: item.column,
          endLine: item.endLine,
          endColumn: item.endColumn,
        });
        const bucket = out.get(report.filePath) ?? { findings: [], suppressed: [] };
        const by = suppressorOf(this.directives.get(report.filePath) ?? [], finding);
        if (by) bucket.suppressed.push({ ...finding, suppressed: { kind: 'inline', comment: by.comment } });
        else bucket.findings.push(finding);
        out.set(report.filePath, bucket);
      }
    }
    return out;
  }
}

/** Adds what the checks across files found to each file's result, in offset order. */
export function mergeCrossFileFindings(
  results: LintResult[],
  extra: ReadonlyMap<string, { findings: Finding[]; suppressed: Finding[] }>,
): void {
  results.forEach((result, i) => {
    results[i] = withCrossFileFindings(result, extra.get(result.filePath));
  });
}

/** One file's result with the findings checks across files gave it, in document order. */
export function withCrossFileFindings(
  result: LintResult,
  add: { findings: Finding[]; suppressed: Finding[] } | undefined,
): LintResult {
  if (!add) return result;
  return {
    ...result,
    findings: [...result.findings, ...add.findings].sort((a, b) => a.range[0] - b.range[0]),
    suppressed: [...result.suppressed, ...add.suppressed],
  };
}
