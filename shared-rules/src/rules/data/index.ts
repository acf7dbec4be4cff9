import type { Rule } from '../rule';
import { cfnParameterSecretDefault } from './aws-cfn-parameter-secret-default';
import { dynamodbPitr } from './aws-dynamodb-pitr';
import { lambdaEnvSecrets } from './aws-lambda-env-secrets';
import { snsTopicEncryption } from './aws-sns-topic-encryption';
import { snsTopicPolicyPublicPrincipal } from './aws-sns-topic-policy-public-principal';
import { sqsQueueEncryption } from './aws-sqs-queue-encryption';
import { sqsQueuePolicyPublicPrincipal } from './aws-sqs-queue-policy-public-principal';

export const dataRules: Rule[] = [
  cfnParameterSecretDefault,
  dynamodbPitr,
  lambdaEnvSecrets,
  snsTopicEncryption,
  snsTopicPolicyPublicPrincipal,
  sqsQueueEncryption,
  sqsQueuePolicyPublicPrincipal,
];
