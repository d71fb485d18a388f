/**
 * Turns a validated pack (data) into rules the engine runs like any other. Nothing in a pack is code:
 * each rule kind is a check written here, parameterised by the pack's lists, labels and templates.
 */
import {
  ruleMetaSchema,
  type ArtifactKind,
  type LoadedPack,
  type PackRuleData,
  type Rule,
  type RuleContext,
  type RuleMeta,
} from '../../src/core/rule-api';
import { checkLimit } from './limit';
import { checkRequireField } from './require-field';
import { checkRequireSection, type RequireSection } from './require-section';
import { forbidTermsCheck, preferTermsCheck } from './terms';

/** For a built-in pack: the docs (README.md) and fix template (template.md) of each rule, by id. */
export interface PackFiles {
  docs?: Record<string, string>;
  templates?: Record<string, string>;
}

const EVERY: ArtifactKind[] = ['story', 'backlog', 'epic', 'prd', 'roadmap', 'roadmap-item', 'business-case'];

function artifactsOf(rule: PackRuleData): ArtifactKind[] {
  switch (rule.kind) {
    case 'require-section':
      return [rule.artifact];
    case 'require-field':
      return rule.on === 'story'
        ? ['story', 'backlog']
        : rule.on === 'roadmap-item'
          ? ['roadmap', 'roadmap-item']
          : EVERY.filter((k) => k !== 'roadmap-item');
    case 'limit':
      return rule.count === 'roadmap-items-per-horizon'
        ? ['roadmap']
        : rule.count === 'stories-per-backlog'
          ? ['backlog']
          : ['story', 'backlog'];
    default:
      return rule.scope.every((s) => s === 'statement' || s === 'criteria' || s === 'story')
        ? ['story', 'backlog']
        : EVERY;
  }
}

function checkOf(rule: PackRuleData, pack: LoadedPack): (ctx: RuleContext<unknown>) => void {
  switch (rule.kind) {
    case 'require-section': {
      const sections = pack.data.rules.filter(
        (r): r is RequireSection => r.kind === 'require-section' && r.artifact === rule.artifact,
      );
      const later = sections.slice(sections.findIndex((r) => r.id === rule.id) + 1);
      return (ctx) => checkRequireSection(ctx, rule, later);
    }
    case 'require-field':
      return (ctx) => checkRequireField(ctx, rule);
    case 'forbid-terms':
      return forbidTermsCheck(rule);
    case 'prefer-terms':
      return preferTermsCheck(rule);
    case 'limit':
      return (ctx) => checkLimit(ctx, rule);
  }
}

/** Docs for a team's rule, shown by `--explain` and the editor: what it reports, why, and where it comes from. */
function generatedDocs(meta: RuleMeta, rule: PackRuleData, pack: LoadedPack): string {
  return [
    `# ${meta.id}`,
    '',
    rule.message,
    '',
    '## Why it matters',
    '',
    rule.rationale,
    '',
    `From the pack \`${pack.data.name}\` (${pack.source}), rule kind \`${rule.kind}\`.`,
    '',
  ].join('\n');
}

export function compilePack(pack: LoadedPack, files: PackFiles = {}): Rule<any>[] {
  return pack.data.rules.map((data) => {
    const id = pack.builtin ? data.id : `${pack.data.name}/${data.id}`;
    const template = files.templates?.[id];
    const rule: PackRuleData = data.kind === 'require-section' && template !== undefined ? { ...data, template } : data;
    const meta = ruleMetaSchema.parse({
      id,
      role: pack.data.role,
      artifacts: artifactsOf(rule),
      severity: rule.severity,
      description: rule.description ?? rule.message,
      rationale: rule.rationale,
      fixable: (rule.kind === 'require-section' && rule.template !== undefined) || rule.kind === 'prefer-terms',
    });
    const templates: Record<string, string> =
      rule.kind === 'require-section' && rule.template !== undefined ? { default: rule.template } : {};
    const out: Rule<any> = {
      meta,
      docs: files.docs?.[id] ?? generatedDocs(meta, rule, pack),
      templates,
      check: checkOf(rule, pack),
    };
    if (rule.url) out.docsUrl = rule.url;
    else if (!pack.builtin) out.docsUrl = `file://${pack.source.startsWith('/') ? '' : '/'}${pack.source}`;
    return out;
  });
}
