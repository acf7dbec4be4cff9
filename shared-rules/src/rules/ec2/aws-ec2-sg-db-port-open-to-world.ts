import type { Rule } from '../rule';
import { describeSource, INGRESS_RESOURCE_TYPES, openIngressOf, placeKey, reachesPort, type OpenIngress, narrowCidrFix } from './ingress-rules';

/**
 * Default ports of data stores and their cluster/admin endpoints that are never meant to face the internet
 * and are mass-scanned for unauthenticated or weakly protected instances. Only the transports the
 * service actually listens on count (memcached also answers on UDP, the others are TCP).
 */
export const DATA_STORE_PORTS: readonly { from: number; to: number; service: string; protocols: readonly ('tcp' | 'udp')[] }[] = [
  { from: 1433, to: 1433, service: 'Microsoft SQL Server', protocols: ['tcp'] },
  { from: 1521, to: 1521, service: 'Oracle Database', protocols: ['tcp'] },
  { from: 2379, to: 2380, service: 'etcd', protocols: ['tcp'] },
  { from: 3306, to: 3306, service: 'MySQL/MariaDB', protocols: ['tcp'] },
  { from: 5432, to: 5432, service: 'PostgreSQL', protocols: ['tcp'] },
  { from: 5439, to: 5439, service: 'Amazon Redshift', protocols: ['tcp'] },
  { from: 5601, to: 5601, service: 'Kibana/OpenSearch Dashboards', protocols: ['tcp'] },
  { from: 5984, to: 5984, service: 'CouchDB', protocols: ['tcp'] },
  { from: 6379, to: 6379, service: 'Redis', protocols: ['tcp'] },
  { from: 7000, to: 7001, service: 'Cassandra inter-node', protocols: ['tcp'] },
  { from: 8020, to: 8020, service: 'Hadoop HDFS NameNode', protocols: ['tcp'] },
  { from: 8182, to: 8182, service: 'Amazon Neptune/Gremlin', protocols: ['tcp'] },
  { from: 9042, to: 9042, service: 'Cassandra CQL', protocols: ['tcp'] },
  { from: 9200, to: 9200, service: 'Elasticsearch/OpenSearch HTTP', protocols: ['tcp'] },
  { from: 9300, to: 9300, service: 'Elasticsearch transport', protocols: ['tcp'] },
  { from: 11211, to: 11211, service: 'Memcached', protocols: ['tcp', 'udp'] },
  { from: 27017, to: 27019, service: 'MongoDB/DocumentDB', protocols: ['tcp'] },
];

/** Indexes into DATA_STORE_PORTS of the services a rule reaches. */
function servicesReached(rule: OpenIngress): number[] {
  const out: number[] = [];
  DATA_STORE_PORTS.forEach((s, index) => {
    for (let port = s.from; port <= s.to; port++) {
      if (reachesPort(rule, port, s.protocols)) {
        out.push(index);
        break;
      }
    }
  });
  return out;
}

function serviceName(index: number): string {
  const s = DATA_STORE_PORTS[index];
  return `${s.service} (${s.from === s.to ? s.from : `${s.from}-${s.to}`})`;
}

export const ec2SgDbPortOpenToWorld: Rule = {
  meta: {
    id: 'aws-ec2-sg-db-port-open-to-world',
    title: 'Security groups should not expose database, cache or search ports to the whole internet',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: INGRESS_RESOURCE_TYPES,
    docs: {
      description:
        'An ingress rule of an `AWS::EC2::SecurityGroup` (inline `SecurityGroupIngress`) or an `AWS::EC2::SecurityGroupIngress` resource ' +
        'admits, from a CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`, ...), the default port of a data store or of its cluster/admin ' +
        'endpoint: Microsoft SQL Server 1433, Oracle 1521, etcd 2379-2380, MySQL/MariaDB/Aurora MySQL 3306, PostgreSQL/Aurora PostgreSQL 5432, ' +
        'Redshift 5439, Kibana/OpenSearch Dashboards 5601, CouchDB 5984, Redis/ElastiCache 6379, Cassandra 7000-7001 and 9042, Hadoop HDFS ' +
        'NameNode 8020, Neptune/Gremlin 8182, Elasticsearch/OpenSearch 9200 and 9300, Memcached 11211 (TCP and UDP) and MongoDB/DocumentDB ' +
        '27017-27019. The list is limited to services that serve data or cluster control directly, whose default ports are rarely reused by ' +
        'other software, and whose internet-exposed instances are routinely found by scanners (mass ransom wipes of MongoDB, Elasticsearch and ' +
        'CouchDB, Redis and etcd takeovers, Memcached reflection attacks). Port ranges that contain one of these ports count; rules that open ' +
        'every port are reported only by `aws-ec2-sg-all-ports-open-to-world`. Unknown values are not reported.',
      impact:
        'Anyone on the internet can reach the data store directly: brute-force or default credentials, unauthenticated APIs and protocol ' +
        'vulnerabilities lead to data theft, deletion or ransom, and UDP Memcached can be abused for traffic amplification.',
      remediation:
        'Keep databases in private subnets and allow the port only from the application tier: use `SourceSecurityGroupId` with the ' +
        "application's security group, or the VPC's private CIDR ranges. Reach them for administration through a VPN, bastion or Session Manager port forwarding.",
    },
    references: [
      { tool: 'kics', id: '494b03d3-bf40-4464-8524-7c56ad0700ed' },
      { tool: 'cfn_nag', id: 'W2' },
      {
        tool: 'aws-docs',
        id: 'AWS::EC2::SecurityGroup Ingress',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-securitygroup-ingress.html',
      },
    ],
  },
  cloudformation: {
    resourceTypes: INGRESS_RESOURCE_TYPES,
    check(ctx) {
      // One finding per CIDR value, naming every service its rule entry exposes (across Fn::If branches).
      const found = new Map<string, { rule: OpenIngress; services: number[] }>();
      for (const rule of openIngressOf(ctx)) {
        const services = servicesReached(rule);
        if (services.length === 0) continue;
        const key = placeKey(rule.cidrNode);
        const existing = found.get(key);
        if (!existing) found.set(key, { rule, services });
        else for (const s of services) if (!existing.services.includes(s)) existing.services.push(s);
      }
      for (const { rule, services: indexes } of found.values()) {
        const services = [...indexes].sort((a, b) => a - b).map(serviceName);
        const list = services.length > 4 ? `${services.slice(0, 4).join(', ')} and ${services.length - 4} more` : services.join(', ');
        ctx.report(
          rule.cidrNode,
          `Security group ingress in ${ctx.resource.logicalId} exposes ${list} to ${describeSource(rule)}: allow the port only from your application's security group or private ranges.`,
          narrowCidrFix(rule),
        );
      }
    },
  },
};
