import type { Rule } from '../rule';
import { ebsVolumeEncryption } from './aws-ebs-volume-encryption';
import { ec2SgAllPortsOpenToWorld } from './aws-ec2-sg-all-ports-open-to-world';
import { ec2SgDbPortOpenToWorld } from './aws-ec2-sg-db-port-open-to-world';
import { ec2SgRdpOpenToWorld } from './aws-ec2-sg-rdp-open-to-world';
import { ec2SgSshOpenToWorld } from './aws-ec2-sg-ssh-open-to-world';

export const ec2Rules: Rule[] = [
  ebsVolumeEncryption,
  ec2SgAllPortsOpenToWorld,
  ec2SgDbPortOpenToWorld,
  ec2SgRdpOpenToWorld,
  ec2SgSshOpenToWorld,
];
