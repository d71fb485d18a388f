/**
 * Labelled stories (a CSV with a story column and label columns): each story becomes its own `##`
 * section of one backlog per group, so every finding maps back to its row; per check, rows with a label
 * are scored as flagged / not flagged by the rule.
 */
import { backlogDoc, storyOf } from './backlog-doc';
import { parseCsv } from './csv';
import { lint } from './lint';
import { score, type Scores } from './metrics';

export interface LabelCheck {
  name: string;
  rule: string;
  column: string;
  positive: string[];
}

export interface LabelMapping {
  story: string[];
  id: string[];
  group: string[];
  checks: LabelCheck[];
}

export interface Example {
  id: string;
  story: string;
  /** The text the rule underlined, when it reported the story. */
  finding?: string;
}

export interface CheckResult {
  name: string;
  rule: string;
  labelled: number;
  positives: number;
  scores: Scores;
  falsePositives: Example[];
  falseNegatives: Example[];
}

export interface LabelledRow {
  id: string;
  story: string;
  group: string;
  cells: Record<string, string>;
}

/** One story with what each rule underlined in it and its label cells, for reading results row by row. */
export interface DumpRow {
  id: string;
  group: string;
  story: string;
  /** Per rule, the text of each of its findings in the story. */
  findings: Record<string, string[]>;
  labels: Record<string, string>;
}

export interface LabelledResult {
  file: string;
  stories: number;
  /** Findings per rule over all stories (labelled or not). */
  findings: Record<string, number>;
  checks: CheckResult[];
  /** Every row, only when asked for (`--dump`). */
  rows?: DumpRow[];
}

const pick = (header: readonly string[], names: readonly string[]): string | undefined =>
  names.find((n) => header.includes(n));

/** Rows of a labelled CSV, or null when it has no story column. */
export function readLabelled(text: string, mapping: LabelMapping): LabelledRow[] | null {
  const records = parseCsv(text);
  const header = Object.keys(records[0] ?? {});
  const storyCol = pick(header, mapping.story);
  if (!storyCol) return null;
  const idCol = pick(header, mapping.id);
  const groupCol = pick(header, mapping.group);
  return records
    .filter((r) => (r[storyCol] ?? '') !== '')
    .map((r, i) => ({
      id: (idCol && r[idCol]) || `row ${i + 1}`,
      // A line break inside a cell is CSV packaging; the story is one statement.
      story: (r[storyCol] ?? '').replace(/\s+/g, ' '),
      group: (groupCol && r[groupCol]) || '',
      cells: r,
    }));
}

/** Findings (rule id and the texts it underlined) per row. */
function lintRows(rows: readonly LabelledRow[]): { perRow: Map<string, string[]>[]; findings: Record<string, number> } {
  const perRow = rows.map(() => new Map<string, string[]>());
  const findings: Record<string, number> = {};
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    groups.set(r.group, [...(groups.get(r.group) ?? []), i]);
  });
  for (const [group, indexes] of groups) {
    const doc = backlogDoc(
      `Backlog ${group}`,
      indexes.map((i) => rows[i] as LabelledRow),
    );
    // Named backlog.md so the document is a backlog whatever the stories look like (as a team's file would be).
    const result = lint(doc.text, `${group || 'labelled'}/backlog.md`);
    for (const f of result.findings) {
      findings[f.ruleId] = (findings[f.ruleId] ?? 0) + 1;
      const at = storyOf(doc, f);
      const map = at === -1 ? undefined : perRow[indexes[at] as number];
      if (map) map.set(f.ruleId, [...(map.get(f.ruleId) ?? []), doc.text.slice(f.range[0], f.range[1])]);
    }
  }
  return { perRow, findings };
}

export function evaluateLabelled(
  file: string,
  rows: readonly LabelledRow[],
  mapping: LabelMapping,
  sampleSize = 10,
  dump = false,
): LabelledResult {
  const { perRow, findings } = lintRows(rows);
  const checks: CheckResult[] = [];
  for (const check of mapping.checks) {
    const items: { predicted: boolean; actual: boolean; row: number }[] = [];
    rows.forEach((r, i) => {
      const cell = r.cells[check.column];
      // An empty cell is a story the annotators did not judge on this criterion: it is neither right nor wrong.
      if (cell === undefined || cell === '') return;
      items.push({
        predicted: (perRow[i] as Map<string, string[]>).has(check.rule),
        actual: check.positive.includes(cell),
        row: i,
      });
    });
    if (items.length === 0) continue;
    const example = (i: number): Example => {
      const r = rows[i] as LabelledRow;
      const finding = (perRow[i] as Map<string, string[]>).get(check.rule)?.[0];
      return finding === undefined ? { id: r.id, story: r.story } : { id: r.id, story: r.story, finding };
    };
    checks.push({
      name: check.name,
      rule: check.rule,
      labelled: items.length,
      positives: items.filter((x) => x.actual).length,
      scores: score(items),
      falsePositives: items
        .filter((x) => x.predicted && !x.actual)
        .slice(0, sampleSize)
        .map((x) => example(x.row)),
      falseNegatives: items
        .filter((x) => !x.predicted && x.actual)
        .slice(0, sampleSize)
        .map((x) => example(x.row)),
    });
  }
  const result: LabelledResult = { file, stories: rows.length, findings, checks };
  if (dump) {
    const columns = [...new Set(mapping.checks.map((c) => c.column))];
    result.rows = rows.map((r, i) => ({
      id: r.id,
      group: r.group,
      story: r.story,
      findings: Object.fromEntries(perRow[i] as Map<string, string[]>),
      labels: Object.fromEntries(columns.flatMap((c) => (r.cells[c] === undefined ? [] : [[c, r.cells[c] as string]]))),
    }));
  }
  return result;
}
