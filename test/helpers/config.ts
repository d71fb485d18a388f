/** A default effective config for tests, with overrides. */
import type { EffectiveConfig } from '../../src/core/types';

export function testConfig(overrides: Partial<EffectiveConfig> = {}): EffectiveConfig {
  return {
    roles: ['po', 'pm'],
    rules: {},
    allowWords: [],
    acceptanceCriteriaLabels: ['Acceptance criteria', 'Acceptance criterion', 'AC', 'Definition of done', 'DoD'],
    templates: {},
    sources: [],
    ...overrides,
  };
}
