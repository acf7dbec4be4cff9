import type { Rule } from '../rule';
import { s3BucketEncryption } from './aws-s3-bucket-encryption';
import { s3BucketLogging } from './aws-s3-bucket-logging';
import { s3BucketPolicyPublicPrincipal } from './aws-s3-bucket-policy-public-principal';
import { s3BucketPolicyTlsOnly } from './aws-s3-bucket-policy-tls-only';
import { s3BucketPublicAccessBlock } from './aws-s3-bucket-public-access-block';
import { s3BucketPublicAcl } from './aws-s3-bucket-public-acl';
import { s3BucketVersioning } from './aws-s3-bucket-versioning';

export const s3Rules: Rule[] = [
  s3BucketEncryption,
  s3BucketLogging,
  s3BucketPolicyPublicPrincipal,
  s3BucketPolicyTlsOnly,
  s3BucketPublicAccessBlock,
  s3BucketPublicAcl,
  s3BucketVersioning,
];
