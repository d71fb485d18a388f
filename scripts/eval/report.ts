/** The evaluation summary as plain-text tables. */
import { fmt } from './metrics';
import type { Summary } from './evaluate';
import { formatRealworld } from './realworld/report';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatSummary(s: Summary): string {
  const out: string[] = [`backlog-lint accuracy on ${s.corpus}`];
  for (const l of s.labelled) {
    out.push('', `## Labelled stories: ${l.file} (${l.stories} stories)`, '');
    out.push(
      table(
        ['check', 'labelled', 'positive', 'flagged', 'TP', 'FP', 'FN', 'P', 'R', 'F1'],
        [
          ...l.checks.map((c) => [
            c.name,
            String(c.labelled),
            String(c.positives),
            String(c.scores.tp + c.scores.fp),
            String(c.scores.tp),
            String(c.scores.fp),
            String(c.scores.fn),
            fmt(c.scores.precision),
            fmt(c.scores.recall),
            fmt(c.scores.f1),
          ]),
          ...l.baselines.map((b) => [
            `baseline: ${b.name} → ${b.check}`,
            '',
            '',
            String(b.scores.tp + b.scores.fp),
            String(b.scores.tp),
            String(b.scores.fp),
            String(b.scores.fn),
            fmt(b.scores.precision),
            fmt(b.scores.recall),
            fmt(b.scores.f1),
          ]),
        ],
      ),
    );
    out.push(
      '',
      `findings per rule: ${Object.entries(l.findings)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ')}`,
    );
  }
  for (const st of s.stories) {
    out.push('', `## Unlabelled stories: ${st.folder} (${st.files} files, ${st.stories} stories)`, '');
    out.push(
      table(
        ['rule', 'findings', 'stories flagged', 'per 100 stories'],
        Object.entries(st.rules).map(([r, v]) => [
          r,
          String(v.findings),
          String(v.storiesFlagged),
          v.per100.toFixed(1),
        ]),
      ),
    );
  }
  for (const d of s.documents) {
    out.push(
      '',
      `## Documents mapped as PRDs: ${d.folder} (${d.files} files: ${Object.entries(d.kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')})`,
      '',
    );
    out.push(
      table(
        ['section', 'present', 'recognised', 'rate'],
        Object.entries(d.sections).map(([name, r]) => [
          name,
          String(r.present),
          String(r.recognised),
          r.present ? `${((100 * r.recognised) / r.present).toFixed(1)} %` : '–',
        ]),
      ),
    );
    out.push(
      '',
      `stories: ${d.stories.located} located, ${d.stories.inText} "As a …, I want" openings in the text (outside code)`,
    );
    out.push(
      `findings per rule: ${
        Object.entries(d.findings)
          .map(([r, n]) => `${r} ${n}`)
          .join(', ') || 'none'
      }`,
    );
  }
  for (const r of s.realworld) out.push('', formatRealworld(r));
  const md = s.nonArtifacts;
  out.push('', `## Non-artifact Markdown: node_modules READMEs and docs (${md.files} files)`, '');
  out.push(
    `${md.findings} findings in ${md.filesWithFindings} files${
      md.findings
        ? `: ${Object.entries(md.perRule)
            .map(([r, n]) => `${r} ${n}`)
            .join(', ')}`
        : ''
    }`,
  );
  for (const f of md.flagged.slice(0, 10))
    out.push(
      `  ${f.file} (${f.artifact ?? 'no artifact'}): ${f.findings.map((x) => `${x.rule}@${x.line}`).join(', ')}`,
    );
  out.push('', '## Targets', '');
  out.push(
    table(
      ['target', 'goal', 'measured', 'met'],
      s.targets.map((t) => [t.name, t.goal, t.measured, t.met === null ? '–' : t.met ? 'yes' : 'NO']),
    ),
  );
  return out.join('\n');
}
