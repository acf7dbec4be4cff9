import { intrinsicOf, scalarString, valueOf } from '../../model/nodes';
import { literalSecret } from '../common/secrets';
import type { Rule } from '../rule';
import { isCredentialName, isNonSecretText } from './aws-lambda-env-secrets';
import { addEntry, replaceValue } from '../../fix/property-fixes';

export const cfnParameterSecretDefault: Rule = {
  meta: {
    id: 'aws-cfn-parameter-secret-default',
    title: 'Parameters that carry secrets should be NoEcho and have no Default',
    severity: 'warning',
    formats: ['cloudformation'],
    resourceTypes: [],
    docs: {
      description:
        'A template parameter whose name says it carries a credential (a password, secret, token, API key, access key or ' +
        'private key; not names such as `SecretArn`, `PasswordLength` or `TokenExpiry`, which describe one) either has a literal ' +
        '`Default`, so the secret is written in the template, or lacks `NoEcho: true`, so CloudFormation shows the value in ' +
        'clear text in the console, in `DescribeStacks` and in stack events. Parameters of the `AWS::...` types (such as ' +
        '`AWS::SSM::Parameter::Value<String>`) hold references to existing resources, and parameters limited by ' +
        '`AllowedValues` are switches, not secrets; neither is reported.',
      impact:
        'A default secret is stored in source control and reused by every stack deployed from the template unless someone ' +
        'remembers to override it; a parameter without `NoEcho` exposes the value to anyone who can describe the stack.',
      remediation:
        'Remove the `Default` and set `NoEcho: true`, or better do not pass the secret as a parameter at all: resolve it where ' +
        'it is used with a dynamic reference (`{{resolve:secretsmanager:...}}`), or take a `AWS::SSM::Parameter::Value<String>` ' +
        'parameter naming where the secret is kept. Rotate any secret that was committed as a default.',
    },
    references: [
      { tool: 'cfn-lint', id: 'W2501' },
      {
        tool: 'aws-docs',
        id: 'CloudFormation Parameters NoEcho',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html',
      },
      {
        tool: 'aws-docs',
        id: 'Do not embed credentials in your templates',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
      },
    ],
  },
  cloudformation: {
    reads: { sections: ['Parameters'] },
    checkTemplate(ctx) {
      for (const [name, entry] of ctx.template.parameters) {
        const parameter = entry.value;
        // A definition that is an intrinsic (`P: !Ref X`) is no parameter CloudFormation would accept: nothing to judge.
        if (parameter.kind !== 'map' || intrinsicOf(parameter) || !isCredentialName(name)) continue;
        const type = scalarString(valueOf(parameter, 'Type')) ?? '';
        // AWS-specific types (SSM parameter names/values, key pair names...) are references to where something is.
        if (/^(List<)?AWS::/.test(type.trim())) continue;
        if (valueOf(parameter, 'AllowedValues')) continue;
        const dflt = valueOf(parameter, 'Default');
        if (dflt && !intrinsicOf(dflt) && literalSecret(dflt, ctx.template) && !isNonSecretText(scalarString(dflt) ?? '')) {
          ctx.report(dflt, `Parameter ${name} has a Default, which writes the secret in the template: remove the Default and set NoEcho: true.`, name);
          continue;
        }
        const noEcho = valueOf(parameter, 'NoEcho');
        if (scalarString(noEcho)?.toLowerCase() !== 'true') {
          const fix = noEcho ? replaceValue(noEcho, true, 'Set NoEcho to true') : addEntry(parameter, 'NoEcho', true, 'Add NoEcho: true');
          ctx.report(entry.keyNode, `Parameter ${name} carries a secret but lacks NoEcho: true: set it so CloudFormation masks the value.`, name, fix);
        }
      }
    },
  },
};
