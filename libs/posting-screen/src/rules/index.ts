import { RULE_SET_V1 } from './rule-set.v1';
import { RULE_SET_V2 } from './rule-set.v2';

/** The rule set in force. A new version is a new file; old versions stay for re-reading stored verdicts. */
export const RULE_SET = RULE_SET_V2;
export const RULE_SET_VERSION = RULE_SET.version;
export { RULE_SET_V1, RULE_SET_V2 };
