import type { Rule } from '../rule';
import { rdsBackupRetention } from './aws-rds-backup-retention';
import { rdsClusterEncryption } from './aws-rds-cluster-encryption';
import { rdsInstanceEncryption } from './aws-rds-instance-encryption';
import { rdsPlaintextMasterPassword } from './aws-rds-plaintext-master-password';
import { rdsPublicAccess } from './aws-rds-public-access';

export const rdsRules: Rule[] = [
  rdsBackupRetention,
  rdsClusterEncryption,
  rdsInstanceEncryption,
  rdsPlaintextMasterPassword,
  rdsPublicAccess,
];
