import { z } from 'zod';
import { closest, KIND_ALIASES, kindFromName, ROLE_ALIASES, roleFromName } from '../../../src/core/rule-api';
import { lineEndAt } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import { ARTIFACT_KINDS, type ArtifactKind, type Fix } from '../../../src/core/rule-api';
import docs from './README.md';
import { quote } from '../../_lib/message';

const TYPE_VALUES = [...ARTIFACT_KINDS, ...Object.keys(KIND_ALIASES)];

const roleName = z.string().refine((v) => roleFromName(v) !== undefined);
/** Only the keys backlog-lint reads; any other key belongs to the site generator and is allowed. */
const frontMatterSchema = z.looseObject({
  type: z
    .string()
    .refine((v) => kindFromName(v) !== undefined)
    .optional(),
  role: z.union([roleName, z.array(roleName)]).optional(),
});

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
    // Read from the text, so that a document whose YAML does not parse still says what it claims to be.
    const declared = kindFromName(/^type:[ \t]*["']?([^"'\r\n#]+)/m.exec(fm.yaml.text)?.[1]);
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
    const entries = fm.entries;
    if (typeof fm.data !== 'object' || Array.isArray(fm.data) || !entries) {
      ctx.report({
        artifact,
        // The opening fence's line, without the last character of its line end.
        span: { start: fm.span.start, end: fm.yaml.start - 1 },
        message: 'Front matter is not "key: value" lines: write it as, for example, "type: prd"',
        rationale:
          'backlog-lint reads the document\'s type and role from "key: value" front matter; any other shape hides them.',
      });
      return;
    }
    const parsed = frontMatterSchema.safeParse(fm.data);
    if (parsed.success) return;
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const entry = entries.find((e) => e.key === key);
      if (reported.has(key) || !entry) continue;
      reported.add(key);
      const given = (fm.data as Record<string, unknown>)[key];
      // In a list of roles, the element that is wrong.
      const value = Array.isArray(given) && key === 'role' ? given.find((v) => !roleName.safeParse(v).success) : given;
      // A plain scalar's range runs over the \r of a CRLF line end: stop before it, so a fix keeps the line end.
      const trimmedEnd = (at: number): number => {
        let e = at;
        while (e > 0 && (ctx.doc.text[e - 1] === '\r' || ctx.doc.text[e - 1] === ' ' || ctx.doc.text[e - 1] === '\t'))
          e--;
        return e;
      };
      const span = { start: entry.keyRange.start, end: trimmedEnd((entry.valueRange ?? entry.keyRange).end) };
      const [valid, canonical] =
        key === 'type' ? [TYPE_VALUES, (s: string) => kindFromName(s) ?? s] : [ROLE_ALIASES, (s: string) => s];
      const near = typeof value === 'string' ? closest(value.trim(), valid) : undefined;
      const suggestion = near === undefined ? undefined : canonical(near);
      // `type:` belongs to other tools too (Hugo's "type: post", GitHub's issue-form "type: Bug"): a value
      // is ours only when it is a near miss of one of our names, or a list that names one of them.
      if (
        key === 'type' &&
        !suggestion &&
        !(Array.isArray(value) && value.some((v) => typeof v === 'string' && kindFromName(v) !== undefined))
      )
        continue;
      let fix: Fix | undefined;
      if (suggestion && entry.scalar && entry.valueRange) {
        const range: [number, number] = [entry.valueRange.start, trimmedEnd(entry.valueRange.end)];
        fix = { title: `Change ${key} to "${suggestion}"`, edits: [{ range, text: suggestion }] };
      }
      const what =
        key === 'type'
          ? 'the kind of document, so the wrong checks run (or none)'
          : 'which role reviews the document, so its checks do not narrow to that role';
      const shape =
        typeof value === 'string'
          ? `${quote(value)} is not a known ${key}`
          : key === 'type'
            ? 'type takes one name, not a list or a number'
            : `${key} takes a name or a list of names`;
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
