import { ebsVolumeEncryption } from '../../src/rules/ec2/aws-ebs-volume-encryption';
import { testRule } from '../rule-tester';

testRule(ebsVolumeEncryption, {
  valid: [
    {
      name: 'encrypted volume (string "true" is accepted)',
      code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
      Encrypted: "true"
      KmsKeyId: alias/data
`,
    },
    {
      name: 'encryption from a parameter without Default or an import cannot be known',
      code: `Parameters:
  Encrypt:
    Type: String
    AllowedValues: ["true", "false"]
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
      Encrypted: !Ref Encrypt
  Logs:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 10
      Encrypted: !ImportValue logs-encrypted
`,
    },
    {
      name: 'a volume restored from a snapshot takes the snapshot encryption',
      code: `Resources:
  Restored:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      SnapshotId: snap-0123456789abcdef0
`,
    },
    {
      name: 'block device mappings without Encrypted follow the account default; instance store mappings have no Ebs',
      code: `Resources:
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: {VolumeSize: 50}
        - DeviceName: /dev/sdb
          VirtualName: ephemeral0
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs: {VolumeSize: 50, Encrypted: true}
          - DeviceName: /dev/xvdb
            Ebs:
              VolumeSize: 20
              Encrypted: !Ref AWS::NoValue
`,
    },
    {
      name: 'JSON launch configuration with encrypted volumes',
      code: `{
  "Resources": {
    "Lc": {
      "Type": "AWS::AutoScaling::LaunchConfiguration",
      "Properties": {
        "ImageId": "ami-12345678",
        "InstanceType": "t3.micro",
        "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 30, "Encrypted": "True"}}]
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'volume without Encrypted: reported at the resource key',
      code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
`,
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 7, message: 'does not set Encrypted', resource: 'Data' }],
    },
    {
      name: 'volume with Encrypted false: reported at the value',
      code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
      Encrypted: false
`,
      errors: [{ line: 7, column: 18, endLine: 7, endColumn: 23, message: 'sets Encrypted to false' }],
    },
    {
      name: 'parameter default false (reported at the !Ref) and a NoValue branch (reported at AWS::NoValue)',
      code: `Parameters:
  Encrypt:
    Type: String
    Default: "false"
Conditions:
  Prod: !Equals [!Ref AWS::AccountId, "111111111111"]
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Encrypted: !Ref Encrypt
  Scratch:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Encrypted: !If [Prod, true, !Ref AWS::NoValue]
`,
      errors: [
        { line: 12, column: 18, endLine: 12, endColumn: 30, resource: 'Data' },
        { line: 17, column: 35, endLine: 17, endColumn: 52, resource: 'Scratch' },
      ],
    },
    {
      name: 'instance and launch template mappings with Encrypted false (one behind Fn::If)',
      code: `Conditions:
  Cheap: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 50
            Encrypted: false
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: !If [Cheap, "false", true]
`,
      errors: [
        { line: 12, column: 24, endLine: 12, endColumn: 29, message: 'block device mapping of Server', resource: 'Server' },
        { line: 20, column: 38, endLine: 20, endColumn: 45, resource: 'Template' },
      ],
    },
    {
      name: 'JSON long form: volume false via Fn::If, launch configuration and spot fleet mappings false',
      code: `{
  "Conditions": {"Dev": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Data": {"Type": "AWS::EC2::Volume", "Properties": {"AvailabilityZone": "us-east-1a", "Encrypted": {"Fn::If": ["Dev", false, true]}}},
    "Lc": {
      "Type": "AWS::AutoScaling::LaunchConfiguration",
      "Properties": {"ImageId": "ami-1", "InstanceType": "t3.micro", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": "false"}}]}
    },
    "Fleet": {
      "Type": "AWS::EC2::SpotFleet",
      "Properties": {"SpotFleetRequestConfigData": {"LaunchSpecifications": [{"ImageId": "ami-1", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": false}}]}]}}
    }
  }
}`,
      errors: [
        { line: 4, column: 123, endLine: 4, endColumn: 128, resource: 'Data' },
        { line: 7, column: 143, endLine: 7, endColumn: 150, resource: 'Lc' },
        { line: 11, column: 172, endLine: 11, endColumn: 177, message: 'launch specification', resource: 'Fleet' },
      ],
    },
  ],
});
