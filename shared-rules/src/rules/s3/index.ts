import type { Rule } from '../rule';
import { s3BucketEncryption } from './aws-s3-bucket-encryption';

export const s3Rules: Rule[] = [s3BucketEncryption];
