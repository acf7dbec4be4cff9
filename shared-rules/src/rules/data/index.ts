import type { Rule } from '../rule';

export const dataRules: Rule[] = [];
