import { isMap, isScalar, parseDocument, type Pair, type Scalar } from 'yaml';
import { z } from 'zod';
import { KIND_ALIASES, kindFromName } from '../../../src/core/rule-api';
import { lineEndAt } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { ARTIFACT_KINDS, type ArtifactKind, type Fix } from '../../../src/core/rule-api';
import docs from './README.md';
import roleNames from './roles.json';
import { quote } from '../../_lib/message';

/** Short names first, as the message lists them. */
const ROLE_VALUES = [0, 1, 2].flatMap((i) => [roleNames.po[i], roleNames.pm[i]]).filter((v): v is string => v !== undefined);
const TYPE_VALUES = [...ARTIFACT_KINDS, ...Object.keys(KIND_ALIASES)];

const roleName = z.string().refine((v) => ROLE_VALUES.includes(v.trim().toLowerCase()));
/** Only the keys backlog-lint reads; any other key belongs to the site generator and is allowed. */
const frontMatterSchema = z.looseObject({
  type: z.string().refine((v) => kindFromName(v) !== undefined).optional(),
  role: z.union([roleName, z.array(roleName)]).optional(),
});

/** Edit distance where swapping two neighbours ("stroy") counts as one edit. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

/** The valid value closest to a typo ("prdd" → "prd"), when one is close enough to be the intent. */
function closest(value: unknown, candidates: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(v, name);
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

const list = (values: readonly string[]): string => values.join(', ');

export default defineRule({
  meta: {
    id: 'front-matter',
    role: 'common',
    artifacts: [...ARTIFACT_KINDS],
    severity: 'error',
    description: 'The front matter is not valid YAML, or its `type` or `role` is not one backlog-lint knows.',
    rationale:
      'The front matter decides what the document is and which role reviews it; a typo there silently turns off the checks the Product Owner or Product Manager relies on.',
    fixable: true,
  },
  docs,
  check(ctx) {
    const fm = ctx.doc.frontMatter;
    if (!fm) return;
    const text = ctx.doc.text;
    // The YAML value starts on the line after the opening `---`.
    const valueStart = text.indexOf('\n', fm.span.start) + 1;
    const source = text.slice(valueStart, Math.max(valueStart, text.lastIndexOf('\n', fm.span.end - 1)));
    const declared = kindFromName(/^type:[ \t]*["']?([^"'\n#]+)/m.exec(source)?.[1]);
    const artifact: ArtifactKind = declared ?? ctx.model.kind ?? 'story';

    if (fm.error) {
      ctx.report({
        artifact,
        span: { start: fm.error.offset, end: Math.max(lineEndAt(text, fm.error.offset), fm.error.offset + 1) },
        message: `Front matter is not valid YAML (${quote(fm.error.message, 48)}): fix it`,
        rationale: `backlog-lint reads the document's type and role from the front matter; until it parses, they are unknown. ${fm.error.message}`,
      });
      return;
    }
    if (fm.data === null || fm.data === undefined) return;
    const yaml = parseDocument(source);
    if (typeof fm.data !== 'object' || Array.isArray(fm.data) || !isMap(yaml.contents)) {
      ctx.report({
        artifact,
        span: { start: fm.span.start, end: valueStart - 1 },
        message: 'Front matter is not "key: value" lines: write it as, for example, "type: prd"',
        rationale: 'backlog-lint reads the document\'s type and role from "key: value" front matter; any other shape hides them.',
      });
      return;
    }
    const parsed = frontMatterSchema.safeParse(fm.data);
    if (parsed.success) return;
    const pairs = yaml.contents.items as Pair<Scalar, unknown>[];
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const pair = pairs.find((p) => isScalar(p.key) && p.key.value === key);
      if (reported.has(key) || !pair || !isScalar(pair.key)) continue;
      reported.add(key);
      const given = (fm.data as Record<string, unknown>)[key];
      // In a list of roles, the element that is wrong.
      const value = Array.isArray(given) && key === 'role' ? given.find((v) => !roleName.safeParse(v).success) : given;
      const node = pair.value;
      // A plain scalar's range runs over the \r of a CRLF line end: stop before it, so a fix keeps the line end.
      const trimmedEnd = (at: number): number => {
        let e = at;
        while (e > 0 && (ctx.doc.text[e - 1] === '\r' || ctx.doc.text[e - 1] === ' ' || ctx.doc.text[e - 1] === '\t')) e--;
        return e;
      };
      const end = trimmedEnd(valueStart + ((node as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range?.[1] ?? 0));
      const span = { start: valueStart + (pair.key.range?.[0] ?? 0), end };
      const [valid, canonical] = key === 'type' ? [TYPE_VALUES, (s: string) => kindFromName(s) ?? s] : [ROLE_VALUES, (s: string) => s];
      const near = closest(value, valid);
      const suggestion = near === undefined ? undefined : canonical(near);
      // `type:` belongs to other tools too (Hugo's "type: post", GitHub's issue-form "type: Bug"): a value
      // is ours only when it is a near miss of one of our names, or a list that names one of them.
      if (key === 'type' && !suggestion && !(Array.isArray(value) && value.some((v) => typeof v === 'string' && kindFromName(v) !== undefined))) continue;
      let fix: Fix | undefined;
      if (suggestion && isScalar(node) && node.range) {
        fix = { title: `Change ${key} to "${suggestion}"`, edits: [{ range: [valueStart + node.range[0], trimmedEnd(valueStart + node.range[1])], text: suggestion }] };
      }
      const what = key === 'type' ? 'the kind of document, so the wrong checks run (or none)' : 'which role reviews the document, so its checks do not narrow to that role';
      const shape = typeof value === 'string' ? `${quote(value)} is not a known ${key}` : key === 'type' ? 'type takes one name, not a list or a number' : `${key} takes a name or a list of names`;
      ctx.report({
        artifact: suggestion && key === 'type' ? (kindFromName(suggestion) as ArtifactKind) : artifact,
        span,
        message: `${shape}${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
        rationale: `It tells backlog-lint ${what}. Valid values: ${list(valid)}.`,
        fix,
      });
    }
  },
});
