import type { Rule } from '../rule';
import { iamPolicyAdminAccess } from './aws-iam-policy-admin-access';
import { iamPolicyWildcardAction } from './aws-iam-policy-wildcard-action';
import { iamRoleTrustOpenPrincipal } from './aws-iam-role-trust-open-principal';
import { iamUserAttachedPolicy } from './aws-iam-user-attached-policy';
import { iamUserPlaintextPassword } from './aws-iam-user-plaintext-password';

export const iamRules: Rule[] = [
  iamPolicyAdminAccess,
  iamPolicyWildcardAction,
  iamRoleTrustOpenPrincipal,
  iamUserAttachedPolicy,
  iamUserPlaintextPassword,
];
