import type { Rule } from '../rule';

export const ec2Rules: Rule[] = [];
