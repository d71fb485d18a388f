/** The common pack: rules that apply to every artifact, whichever role runs. */
import type { Rule } from '../../src/core/rule-api';
import ambiguousLanguage from './ambiguous-language';
import frontMatter from './front-matter';
import placeholder from './placeholder';

export const commonRules: readonly Rule<any>[] = [ambiguousLanguage, placeholder, frontMatter];
