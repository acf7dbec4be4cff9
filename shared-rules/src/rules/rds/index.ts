import type { Rule } from '../rule';

export const rdsRules: Rule[] = [];
