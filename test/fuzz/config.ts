/** Configs and file names the fuzzer lints under: all roles by default, sometimes one role or rules turned up. */
import * as fc from 'fast-check';
import { defaultConfig } from '../../src/config/defaults';
import type { EffectiveConfig } from '../../src/core/types';

export const fileName: fc.Arbitrary<string> = fc.constantFrom(
  'doc.md',
  'notes.md',
  'README.md',
  'x.story.md',
  'backlog.md',
  'PRD.md',
  'feature.prd.md',
  'roadmap.md',
  'q3.epic.md',
  'case.business-case.md',
);

export const lintConfig: fc.Arbitrary<EffectiveConfig> = fc
  .tuple(
    fc.constantFrom<EffectiveConfig['roles']>(['po', 'pm'], ['po', 'pm'], ['po'], ['pm']),
    fc.boolean(),
    fc.constantFrom<string[]>([], ['fast', 'TBD'], ['MVP']),
  )
  .map(([roles, allInfo, allowWords]) => {
    const config = defaultConfig();
    config.roles = roles;
    config.allowWords = allowWords;
    // Rules reported at another severity still run the same checks and fixes.
    if (allInfo) config.rules = { 'story-benefit': { severity: 'error' }, 'ambiguous-language': { severity: 'info' } };
    return config;
  });
