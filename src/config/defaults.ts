/** The configuration in force when no config file says otherwise. */
import type { EffectiveConfig } from '../core/types';
import { ROLES } from '../core/types';

export const DEFAULT_ACCEPTANCE_CRITERIA_LABELS: readonly string[] = [
  'Acceptance criteria',
  'Acceptance criterion',
  'AC',
  'Definition of done',
  'DoD',
];

export function defaultConfig(): EffectiveConfig {
  return {
    roles: [...ROLES],
    rules: {},
    allowWords: [],
    acceptanceCriteriaLabels: [...DEFAULT_ACCEPTANCE_CRITERIA_LABELS],
    templates: {},
    sources: [],
  };
}
