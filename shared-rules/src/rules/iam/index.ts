import type { Rule } from '../rule';

export const iamRules: Rule[] = [];
