/**
 * The PRD and epic section rules (prd-problem … epic-objective) as a built-in declarative pack: the same
 * format a team writes, proving it on our own rules. Each rule keeps its folder for docs, fix template
 * and fixtures; sections.pack.json holds the rest, in the order of the Product Manager's template.
 */
import { packSchema, type Rule } from '../../src/core/rule-api';
import { compilePack } from '../declarative/compile';
import epicObjectiveDocs from './epic-objective/README.md';
import epicObjectiveTemplate from './epic-objective/template.md';
import prdAudienceDocs from './prd-audience/README.md';
import prdAudienceTemplate from './prd-audience/template.md';
import prdProblemDocs from './prd-problem/README.md';
import prdProblemTemplate from './prd-problem/template.md';
import prdRisksDocs from './prd-risks/README.md';
import prdRisksTemplate from './prd-risks/template.md';
import prdScopeDocs from './prd-scope/README.md';
import prdScopeTemplate from './prd-scope/template.md';
import prdSuccessMetricsDocs from './prd-success-metrics/README.md';
import prdSuccessMetricsTemplate from './prd-success-metrics/template.md';
import pack from './sections.pack.json';

const rules = compilePack(
  // Validated like a team's pack: a mistake here fails every test at once.
  { source: 'rules/pm/sections.pack.json', data: packSchema.parse(pack), builtin: true, key: 'builtin:pm-sections' },
  {
    docs: {
      'prd-problem': prdProblemDocs,
      'prd-audience': prdAudienceDocs,
      'prd-success-metrics': prdSuccessMetricsDocs,
      'prd-scope': prdScopeDocs,
      'prd-risks': prdRisksDocs,
      'epic-objective': epicObjectiveDocs,
    },
    templates: {
      'prd-problem': prdProblemTemplate,
      'prd-audience': prdAudienceTemplate,
      'prd-success-metrics': prdSuccessMetricsTemplate,
      'prd-scope': prdScopeTemplate,
      'prd-risks': prdRisksTemplate,
      'epic-objective': epicObjectiveTemplate,
    },
  },
);

export function sectionRule(id: string): Rule<any> {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`rules/pm/sections.pack.json has no rule ${id}`);
  return rule;
}
