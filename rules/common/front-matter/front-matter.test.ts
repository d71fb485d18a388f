import { describeRule } from '../../../test/helpers/rule-suite';
import rule from '.';

describeRule(rule);
