/**
 * Reviewers' verdicts on findings: scripts/eval/verdicts.json and every JSON file in scripts/eval/verdicts/
 * (one per reviewer, so parallel work does not collide in one file). Each maps
 * "<saved_path>:<line>:<ruleId>" to {"verdict": "right" | "wrong", "reason": "…"}; keys starting with "$"
 * are comments. A key two files judge differently counts as wrong (a doubtful finding is not a right one)
 * and is listed, so the reviewers can settle it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Verdicts } from './evaluate';

export interface VerdictConflict {
  key: string;
  judged: { file: string; verdict: string; reason: string }[];
}

/** The files to read: a file as given, or a folder's *.json files in name order. Missing paths are skipped. */
export function verdictFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return [];
    if (!stat.isDirectory()) return [p];
    return fs
      .readdirSync(p)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => path.join(p, n));
  });
}

export function readVerdicts(files: readonly string[]): { verdicts: Verdicts; conflicts: VerdictConflict[] } {
  const seen = new Map<string, { file: string; verdict: 'right' | 'wrong'; reason: string }[]>();
  for (const file of files) {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(data)) {
      if (key.startsWith('$')) continue;
      const v = value as { verdict?: unknown; reason?: unknown } | null;
      if (v?.verdict !== 'right' && v?.verdict !== 'wrong')
        throw new Error(`${file}: "${key}" needs "verdict": "right" or "wrong"`);
      const list = seen.get(key) ?? [];
      list.push({ file, verdict: v.verdict, reason: typeof v.reason === 'string' ? v.reason : '' });
      seen.set(key, list);
    }
  }
  const verdicts: Verdicts = {};
  const conflicts: VerdictConflict[] = [];
  for (const [key, list] of seen) {
    const first = list[0] as (typeof list)[number];
    if (list.every((x) => x.verdict === first.verdict)) {
      verdicts[key] = { verdict: first.verdict, reason: first.reason };
      continue;
    }
    conflicts.push({ key, judged: list });
    verdicts[key] = {
      verdict: 'wrong',
      reason: `reviewers disagree: ${list.map((x) => `${path.basename(x.file)} ${x.verdict} (${x.reason})`).join('; ')}`,
    };
  }
  return { verdicts, conflicts };
}
