/** The Product Manager pack: PRDs, epics and roadmaps. */
import type { Rule } from '../../src/core/rule-api';
import epicObjective from './epic-objective';
import metricMeasurable from './metric-measurable';
import prdAudience from './prd-audience';
import prdDeliveryDrift from './prd-delivery-drift';
import prdProblem from './prd-problem';
import prdRisks from './prd-risks';
import prdScope from './prd-scope';
import prdSuccessMetrics from './prd-success-metrics';
import roadmapItemHorizon from './roadmap-item-horizon';
import roadmapItemWhy from './roadmap-item-why';

export const pmRules: readonly Rule<any>[] = [prdProblem, prdAudience, prdSuccessMetrics, metricMeasurable, prdScope, prdRisks, prdDeliveryDrift, epicObjective, roadmapItemWhy, roadmapItemHorizon];
