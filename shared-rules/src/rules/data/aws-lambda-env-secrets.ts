import { resolvePath } from '../../model/evaluate';
import type { Node } from '../../model/nodes';
import type { Resource } from '../../model/template';
import { literalSecret } from '../common/secrets';
import type { Rule, TemplateCheckContext } from '../rule';

const FUNCTION_TYPES = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];

/**
 * Splits an identifier into upper-cased word parts: `DB_PASSWORD`, `dbPassword`, `db-password`
 * and `DBPassword` all give `DB PASSWORD`; digits are parts of their own (`PASSWORD2` gives `PASSWORD 2`).
 */
export function wordParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p.toUpperCase());
}

/** Words that name a credential by themselves. */
const SECRET_WORDS = new Set([
  'PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'ACCESSKEY', 'SECRETKEY', 'PRIVATEKEY',
  'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'CLIENTSECRET', 'AUTHTOKEN', 'ACCESSTOKEN', 'REFRESHTOKEN',
]);
/** Abbreviations that name a password only after another word (`DB_PASS`, `SMTP_PWD`; a lone `PWD` is the working directory). */
const SHORT_PASSWORD_WORDS = new Set(['PASS', 'PWD']);
/** `<word> KEY` pairs that name a credential (`API_KEY`, `SECRET_ACCESS_KEY`, `PRIVATE_KEY`); `KEY` alone does not. */
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'PRIVATE', 'SECRET', 'SIGNING', 'HMAC', 'AUTH', 'LICENSE']);
/** Trailing words that do not change what the name holds (`API_KEY_VALUE`, `PASSWORD_2`). */
const NEUTRAL_SUFFIXES = new Set(['VALUE', 'VAL', 'PLAIN', 'PLAINTEXT', 'RAW', 'STRING', 'STR']);
/** Leading words that make the name a setting about a credential, not the credential (`MAX_TOKENS`, `ENABLE_API_KEY`). */
const SETTING_PREFIXES = new Set([
  'MAX', 'MIN', 'NUM', 'NUMBER', 'COUNT', 'USE', 'ENABLE', 'ENABLED', 'DISABLE', 'DISABLED', 'REQUIRE', 'REQUIRED',
  'CREATE', 'GENERATE', 'ROTATE', 'HAS', 'IS', 'NO', 'WITH', 'INCLUDE', 'SKIP',
]);

/**
 * True when an identifier names a credential: its last word (the head of the compound, as in English) is a
 * credential word. `DB_PASSWORD`, `GitHubToken`, `SECRET_ACCESS_KEY` are; `TOKEN_URL`, `SECRET_ARN`,
 * `PASSWORD_PARAMETER_NAME`, `PasswordLength` and `KEY_PREFIX` name something about a credential and are not.
 */
export function isCredentialName(name: string): boolean {
  const parts = wordParts(name);
  while (parts.length > 0 && (/^[0-9]+$/.test(parts[parts.length - 1]) || NEUTRAL_SUFFIXES.has(parts[parts.length - 1]))) parts.pop();
  if (parts.length === 0) return false;
  const head = parts[parts.length - 1];
  const before = parts.slice(0, -1);
  if (before.some((p) => SETTING_PREFIXES.has(p))) return false;
  if (SECRET_WORDS.has(head)) return true;
  if (SHORT_PASSWORD_WORDS.has(head)) return before.length > 0;
  return head === 'KEY' && before.length > 0 && KEY_QUALIFIERS.has(before[before.length - 1]);
}

/**
 * Literal text that is plainly not a credential: switches, empty markers, placeholders, and values that say
 * where a secret is kept (an ARN, a Parameter Store path, a URL without user information).
 */
export function isNonSecretText(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (/^(true|false|yes|no|on|off|none|null|nil|n\/a|undefined|disabled|enabled|-)$/i.test(t)) return true;
  if (/^\$\{[^}]*\}$|^\{\{[^}]*\}\}$|^<[^>]*>$/.test(t)) return true;
  if (/^arn:/i.test(t)) return true;
  if (/^\/[\w.-]+(\/[\w.-]+)*$/.test(t)) return true;
  return /^https?:\/\/[^@\s]*$/i.test(t);
}

const ACCESS_KEY_ID = /(^|[^A-Za-z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Za-z0-9]|$)/;
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/** Why a variable's literal value is a secret, or undefined. */
function secretKind(name: string, text: string): 'access-key' | 'private-key' | 'named' | undefined {
  if (ACCESS_KEY_ID.test(text)) return 'access-key';
  if (PRIVATE_KEY_BLOCK.test(text)) return 'private-key';
  if (isCredentialName(name) && !isNonSecretText(text)) return 'named';
  return undefined;
}

function checkVariables(ctx: TemplateCheckContext, start: Node, path: string[], owner: string, resource?: Resource): void {
  for (const variables of resolvePath(start, path, ctx.template)) {
    if (variables.kind !== 'value' || variables.data.kind !== 'map') continue;
    for (const entry of variables.data.entries) {
      for (const o of ctx.resolve(entry.value)) {
        // Parameter defaults, Fn::If branches and Sub/Join/FindInMap are evaluated already: a known value that is
        // not a dynamic reference is literal text of the template. What cannot be known is never reported.
        if (o.kind !== 'value' || !literalSecret(o.data, ctx.template) || o.data.kind !== 'scalar') continue;
        const kind = secretKind(entry.key, String(o.data.value));
        if (!kind) continue;
        const where = `Environment variable ${entry.key} of ${owner}`;
        const message =
          kind === 'access-key'
            ? `${where} holds an AWS access key id: drop the static keys and grant the permissions through the function's execution role.`
            : kind === 'private-key'
              ? `${where} holds a private key: keep it in Secrets Manager and read it at run time, passing only the secret's name or ARN.`
              : `${where} is set to a literal secret: keep it in Secrets Manager or SSM Parameter Store and read it at run time, passing only its name or ARN.`;
        ctx.report(o.node, message, resource);
      }
    }
  }
}

export const lambdaEnvSecrets: Rule = {
  meta: {
    id: 'aws-lambda-env-secrets',
    title: 'Lambda environment variables should not hold secrets written in the template',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: FUNCTION_TYPES,
    docs: {
      description:
        'An environment variable of a Lambda function (`Environment.Variables` of `AWS::Lambda::Function` or ' +
        '`AWS::Serverless::Function`, or SAM `Globals.Function.Environment.Variables`) holds a credential as literal text: its ' +
        'name says it is a password, token, secret or API/access/private key and its value is written in the template (directly, ' +
        'through a parameter `Default`, a mapping or a `Fn::Sub`), or its value is an AWS access key id or a PEM private key ' +
        'whatever the name. Values that cannot be known from the template (a `Ref` to a parameter without `Default`, `GetAtt`, ' +
        '`ImportValue`, dynamic references) and values that only point at a secret (ARNs, Parameter Store paths, names) are not reported.',
      impact:
        'The secret is stored in source control, in the template CloudFormation keeps, and in the function configuration, ' +
        'where anyone allowed `lambda:GetFunctionConfiguration` or `cloudformation:GetTemplate` can read it in clear text; ' +
        'it cannot be rotated without a redeployment and is shared by every stack made from the template.',
      remediation:
        'Store the secret in AWS Secrets Manager or as an SSM `SecureString` parameter, pass the function only its name or ARN ' +
        '(for example `DB_SECRET_ARN: !Ref DbSecret`), grant the execution role read access to it and fetch it at run time ' +
        '(the AWS Parameters and Secrets Lambda Extension caches it). Replace static AWS access keys with permissions on the ' +
        'execution role, and rotate any credential that has already been committed.',
    },
    references: [
      { tool: 'checkov', id: 'CKV_AWS_45' },
      { tool: 'kics', id: '2564172f-c92b-4261-9acd-464aed511696' },
      {
        tool: 'aws-docs',
        id: 'AWS::Lambda::Function Environment',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-environment.html',
      },
      {
        tool: 'aws-docs',
        id: 'Use Secrets Manager secrets in Lambda functions',
        url: 'https://docs.aws.amazon.com/lambda/latest/dg/with-secrets-manager.html',
      },
    ],
  },
  cloudformation: {
    // A template-level check: SAM Globals apply to every function, and their findings belong at the Globals value, once.
    reads: { sections: ['Globals', 'Parameters', 'Mappings'], resourceTypes: FUNCTION_TYPES },
    checkTemplate(ctx) {
      if (ctx.template.globals) {
        checkVariables(ctx, ctx.template.globals, ['Function', 'Environment', 'Variables'], 'SAM Globals.Function');
      }
      for (const type of FUNCTION_TYPES) {
        for (const resource of ctx.template.resourcesByType.get(type) ?? []) {
          if (!resource.properties) continue;
          checkVariables(ctx, resource.properties, ['Environment', 'Variables'], `function ${resource.logicalId}`, resource);
        }
      }
    },
  },
};
