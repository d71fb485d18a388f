/** The Product Owner pack: stories, backlogs, acceptance criteria. */
import type { Rule } from '../../src/core/rule-api';
import acceptanceCriteriaTestable from './acceptance-criteria-testable';
import backlogDuplicate from './backlog-duplicate';
import backlogUniform from './backlog-uniform';
import storyAcceptanceCriteria from './story-acceptance-criteria';
import storyAtomic from './story-atomic';
import storyBenefit from './story-benefit';
import storyFormat from './story-format';
import storyMinimal from './story-minimal';
import storyStrategyDrift from './story-strategy-drift';

export const poRules: readonly Rule<any>[] = [
  storyAcceptanceCriteria,
  storyFormat,
  storyBenefit,
  storyMinimal,
  storyStrategyDrift,
  backlogUniform,
  backlogDuplicate,
  acceptanceCriteriaTestable,
  storyAtomic,
];
