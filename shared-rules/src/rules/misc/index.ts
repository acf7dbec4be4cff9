import type { Rule } from '../rule';
import { cfnTemplateSections } from './aws-cfn-template-sections';
import { cloudfrontViewerHttps } from './aws-cloudfront-viewer-https';
import { cloudtrailEncryption } from './aws-cloudtrail-encryption';
import { cloudtrailLogValidation } from './aws-cloudtrail-log-validation';
import { cloudtrailMultiRegion } from './aws-cloudtrail-multi-region';
import { efsEncryption } from './aws-efs-encryption';
import { elbListenerHttp } from './aws-elb-listener-http';
import { kmsKeyRotation } from './aws-kms-key-rotation';

export const miscRules: Rule[] = [
  cfnTemplateSections,
  cloudfrontViewerHttps,
  cloudtrailEncryption,
  cloudtrailLogValidation,
  cloudtrailMultiRegion,
  efsEncryption,
  elbListenerHttp,
  kmsKeyRotation,
];
