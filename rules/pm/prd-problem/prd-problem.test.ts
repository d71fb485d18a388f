import { describeRule } from '../../../test/helpers/rule-suite';
import { sectionRule } from '../sections-pack';

describeRule(sectionRule('prd-problem'));
