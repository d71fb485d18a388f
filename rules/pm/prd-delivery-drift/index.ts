import type { ListItem, Nodes, Table } from 'mdast';
import { normalizeLabel, offsets, plainText } from '../../../src/core/rule-api';
import { lineEndAt } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { matchProse, type Range } from '../../_lib/prose';
import docs from './README.md';
import columns from './columns.json';
import signoff from './signoff.json';
import { quote } from '../../_lib/message';

const STORY_POINTS =
  /(?:\b\d+(?:\.\d+)?[ \t]?)?\bstory[ -]?points?\b|\bSP[ \t]*[:=][ \t]*\d+|\b\d+(?:\.\d+)?[ \t]?SP\b|\b\d+(?:\.\d+)?[ \t]?pts\b/gi;
const SPRINT = /\bsprint[ \t]*#?[ \t]?\d+\b/gi;
/** "+5 pts of NPS" is a score, not an estimate. */
const SCORE_CONTEXT = /\b(?:nps|csat|ces|score|rating|percentage|sus)\b/i;
/**
 * An assignee (`@alice`) or a tracker key (`PAY-123`) on a checklist item. Standard identifiers
 * (`CVE-2024-1234`, `RFC-9110`, `ISO-27001`) look like keys but name no task.
 */
const ASSIGNED =
  /(?:^|[\s(])@[A-Za-z0-9][\w.-]*|\b(?!(?:CVE|CWE|GHSA|RFC|ISO|IEC|KEP|PEP|JSR|UTF|SHA|TLS|HTTP|WCAG|SOC|PCI|ECMA|IEEE)-)[A-Z][A-Z0-9]{1,9}-\d+\b(?!-\d)/;

const words = (list: readonly string[]): string =>
  list.map((w) => w.replace(/[-]/g, '\\-').replace(/ /g, '\\s+')).join('|');
const APPROVAL = new RegExp(`^(?:${words(signoff.approvalWords)})\\b`, 'i');
const SIGNOFF_HEADING = new RegExp(`\\b(?:${words(signoff.headingWords)})\\b`, 'i');
const MENTION = /(?:^|[\s(])@[A-Za-z0-9][\w.-]*/g;

/**
 * "- [ ] @dana", "- [x] @lee (Design)", "- [ ] Approved by Legal": who signs the PRD off, not a task.
 * What is left once the mentions and parentheses are gone is nothing, a role in Title Case, or an
 * approval.
 */
function isSignOff(line: string): boolean {
  const rest = line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s*/, '')
    .replace(MENTION, ' ')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[*_~`]/g, '')
    .replace(/^[\s,:;–—-]+|[\s,:;.–—-]+$/g, '')
    .trim();
  if (rest === '' || APPROVAL.test(rest)) return true;
  const ws = rest.split(/[\s,/&]+/).filter((w) => w !== '');
  return ws.length <= 3 && ws.every((w) => /^\p{Lu}/u.test(w)) && /@/.test(line);
}

function columnsOf(table: Table): Set<keyof typeof columns> {
  const found = new Set<keyof typeof columns>();
  for (const cell of table.children[0]?.children ?? []) {
    const label = normalizeLabel(plainText(cell));
    for (const kind of ['person', 'work', 'status', 'task'] as const)
      if (columns[kind].includes(label)) found.add(kind);
  }
  return found;
}

/** Who + how big, or who + status on a table of tasks: a sprint board pasted into the PRD. "Question | Owner | Status" is not one. */
function isTaskTable(table: Table): boolean {
  const c = columnsOf(table);
  return c.has('person') && (c.has('work') || (c.has('status') && c.has('task')));
}

function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children as Nodes[]) yield* walk(child);
}

export default defineRule({
  meta: {
    id: 'prd-delivery-drift',
    role: 'pm',
    artifacts: ['prd'],
    severity: 'warning',
    description:
      'A PRD carries sprint-level detail: story points, sprint numbers, task tables or assigned task checklists.',
    rationale:
      "A PRD is the Product Manager's statement of problem, outcome and scope; estimates and task assignments belong to the team's backlog and go stale in a PRD.",
    fixable: false,
  },
  docs,
  check(ctx) {
    const { doc } = ctx;
    const taken: Range[] = [];
    const headings = doc.root.children.filter((n) => n.type === 'heading');
    const headingBefore = (at: number): string => {
      let title = '';
      for (const h of headings) {
        if (offsets(h)[0] > at) break;
        title = plainText(h);
      }
      return title;
    };
    for (const node of walk(doc.root)) {
      if (node.type === 'table' && isTaskTable(node)) {
        const [s, e] = offsets(node);
        taken.push({ start: s, end: e });
        ctx.report({
          artifact: 'prd',
          span: { start: s, end: lineEndAt(doc.text, s, e) },
          message: 'Task table with estimates or status in a PRD: move it to the backlog and link to it',
        });
      } else if (node.type === 'listItem' && typeof (node as ListItem).checked === 'boolean') {
        const [s, e] = offsets(node);
        const lineEnd = lineEndAt(doc.text, s, e);
        const line = doc.text.slice(s, lineEnd);
        if (!ASSIGNED.test(line) || taken.some((r) => s >= r.start && s < r.end)) continue;
        if (isSignOff(line) || SIGNOFF_HEADING.test(headingBefore(s))) continue;
        taken.push({ start: s, end: e });
        ctx.report({
          artifact: 'prd',
          span: { start: s, end: lineEnd },
          message: 'Assigned task in a PRD: track it in the backlog instead',
        });
      }
    }
    const whole = [{ start: doc.frontMatter?.span.end ?? 0, end: doc.text.length }];
    // Percentage points ("from 42% to 45%, +3 pts", "retention up 4 pts") are a change in a rate, not an estimate.
    const percentagePoints = (line: string, at: number): boolean =>
      /%|\bpercent|\bpp\b/i.test(line) ||
      /(?:[+\-−±]|\b(?:up|down|by|rises?|drops?|falls?|grows?|gains?|loses?)\s)\s*$/i.test(line.slice(0, at));
    for (const [re, what] of [
      [STORY_POINTS, 'Story points'],
      [SPRINT, 'A sprint number'],
    ] as const) {
      for (const { match, start, end } of matchProse(doc, whole, re)) {
        if (taken.some((r) => start >= r.start && start < r.end)) continue;
        const lineStart = Math.max(doc.text.lastIndexOf('\n', start), doc.text.lastIndexOf('\r', start)) + 1;
        const line = doc.text.slice(lineStart, lineEndAt(doc.text, start));
        if (
          re === STORY_POINTS &&
          /pts$/i.test(match[0]) &&
          (SCORE_CONTEXT.test(line) || percentagePoints(line, start - lineStart))
        )
          continue;
        ctx.report({
          artifact: 'prd',
          span: { start, end },
          message: `${what} (${quote(match[0])}) in a PRD: keep estimates and sprints in the backlog`,
        });
      }
    }
  },
});
