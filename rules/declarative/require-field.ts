/**
 * `require-field`: each story or roadmap item, or the front matter, carries a labelled field
 * ("Estimate: 3", an "Owner" column, `epic:` in the front matter), optionally with a value of a shape.
 */
import type { RE2JS } from 're2js';
import { normalizeLabel, type PackRuleData, type RuleContext, type Span } from '../../src/core/rule-api';
import { documentAnchor } from './stated';
import { compilePattern } from './patterns';

export type RequireField = Extract<PackRuleData, { kind: 'require-field' }>;

/** "Estimate: 3", "- **Estimate:** 3", "**Estimate**: 3": a label at the start of a line, then its value. */
const FIELD_LINE =
  /^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?([^\n:：*_|]{1,60}?)(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*([^\n]*)$/gm;

export type ValueCheck = (value: string) => boolean;

export function valueCheck(rule: RequireField): ValueCheck {
  const shape = rule.value;
  if (!shape) return (v) => v.trim() !== '';
  switch (shape.type) {
    case 'number':
      return (v) => /^\d+(?:[.,]\d+)?$/.test(v.trim());
    case 'date':
      return (v) => /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim()));
    case 'one-of': {
      const allowed = new Set(shape.values.map((x) => x.trim().toLowerCase()));
      return (v) => allowed.has(v.trim().toLowerCase());
    }
    case 'pattern': {
      const re: RE2JS = compilePattern(`^(?:${shape.pattern})$`);
      return (v) => re.matches(v.trim());
    }
  }
}

function fieldValue(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return typeof raw === 'object' ? undefined : String(raw);
}

/** The field's value in `text` (a story's or item's text), or undefined when no line carries the label. */
function fieldIn(text: string, names: ReadonlySet<string>): string | undefined {
  FIELD_LINE.lastIndex = 0;
  for (let m = FIELD_LINE.exec(text); m; m = FIELD_LINE.exec(text)) {
    if (names.has(normalizeLabel(m[1] ?? ''))) return (m[2] ?? '').replace(/(?:\*\*|__)$/, '').trim();
  }
  return undefined;
}

export function checkRequireField(ctx: RuleContext<unknown>, rule: RequireField): void {
  const names = new Set([rule.field, ...(rule.aliases ?? [])].map((n) => normalizeLabel(n)));
  const ok = valueCheck(rule);
  const shape = rule.value
    ? ` (expected ${rule.value.type === 'one-of' ? `one of ${rule.value.values.join(', ')}` : `a ${rule.value.type}`})`
    : '';
  const judge = (
    value: string | undefined,
    artifact: 'story' | 'roadmap-item' | 'prd' | 'epic' | 'business-case' | 'backlog' | 'roadmap',
    span: Span,
  ): void => {
    if (value === undefined || value === '') ctx.report({ artifact, span, message: rule.message });
    else if (!ok(value))
      ctx.report({ artifact, span, message: `${rule.message} "${rule.field}" is "${value.slice(0, 40)}"${shape}.` });
  };
  if (rule.on === 'front-matter') {
    const data = ctx.doc.frontMatter?.data;
    const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const key = Object.keys(record).find(
      (k) => names.has(normalizeLabel(k.replace(/[_-]+/g, ' '))) || names.has(normalizeLabel(k)),
    );
    const kind = ctx.model.kind;
    if (kind === null) return;
    judge(
      key === undefined ? undefined : fieldValue(record[key]),
      kind,
      ctx.doc.frontMatter
        ? { start: ctx.doc.frontMatter.span.start, end: ctx.doc.frontMatter.span.start + 3, text: '---' }
        : documentAnchor(ctx),
    );
    return;
  }
  if (rule.on === 'story') {
    for (const story of ctx.model.stories) {
      if (story.parent === null || story.statement.template === 'invalid') continue;
      judge(fieldIn(story.span.text, names), 'story', story.title ?? story.statement.span);
    }
    return;
  }
  for (const item of ctx.model.roadmap?.items ?? []) {
    const column = Object.entries(item.fields).find(([name]) => names.has(normalizeLabel(name)));
    judge(column ? column[1].text.trim() : fieldIn(item.span.text, names), 'roadmap-item', item.title);
  }
}
