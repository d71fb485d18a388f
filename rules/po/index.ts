/** The Product Owner pack: stories, backlogs, acceptance criteria. */
import type { Rule } from '../../src/core/rule';
import storyAcceptanceCriteria from './story-acceptance-criteria';

export const poRules: readonly Rule<any>[] = [storyAcceptanceCriteria];
