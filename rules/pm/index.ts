/** The Product Manager pack: PRDs, epics and roadmaps. */
import type { Rule } from '../../src/core/rule-api';
import metricMeasurable from './metric-measurable';
import prdDeliveryDrift from './prd-delivery-drift';
import roadmapItemHorizon from './roadmap-item-horizon';
import roadmapItemWhy from './roadmap-item-why';
import { sectionRule } from './sections-pack';

export const pmRules: readonly Rule<any>[] = [
  sectionRule('prd-problem'),
  sectionRule('prd-audience'),
  sectionRule('prd-success-metrics'),
  metricMeasurable,
  sectionRule('prd-scope'),
  sectionRule('prd-risks'),
  prdDeliveryDrift,
  sectionRule('epic-objective'),
  roadmapItemWhy,
  roadmapItemHorizon,
];
