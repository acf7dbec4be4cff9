import type { Rule } from './rule';
import { dataRules } from './data/index';
import { ec2Rules } from './ec2/index';
import { iamRules } from './iam/index';
import { miscRules } from './misc/index';
import { rdsRules } from './rds/index';
import { s3Rules } from './s3/index';

/** Every rule, in a stable order (by id). */
export const allRules: readonly Rule[] = [...s3Rules, ...iamRules, ...ec2Rules, ...rdsRules, ...miscRules, ...dataRules].sort((a, b) =>
  a.meta.id.localeCompare(b.meta.id),
);

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
