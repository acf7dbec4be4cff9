import type { Rule } from '../rule';

export const miscRules: Rule[] = [];
