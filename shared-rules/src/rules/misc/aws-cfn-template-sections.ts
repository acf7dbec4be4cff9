import { isMap, valueOf } from '../../model/nodes';
import type { Rule } from '../rule';

/** The top-level sections CloudFormation knows (Globals: SAM's; Hooks: blue/green deployments). */
const SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Globals',
  'Resources',
  'Outputs',
  'Hooks',
]);

export const cfnTemplateSections: Rule = {
  meta: {
    id: 'aws-cfn-template-sections',
    title: 'Templates should have resources, and no top-level key CloudFormation does not know',
    severity: 'error',
    formats: ['cloudformation'],
    resourceTypes: [],
    docs: {
      description:
        'A top-level key that is not a template section (`AWSTemplateFormatVersion`, `Description`, `Metadata`, `Parameters`, ' +
        '`Rules`, `Mappings`, `Conditions`, `Transform`, `Resources`, `Outputs`, and `Globals` and `Hooks`), or a template ' +
        'whose `Resources` is missing, empty or not a mapping. Most often a resource lost its indentation: written at column 0 ' +
        'below `Resources:`, it becomes a section of its own, and in YAML every resource after it goes with it.',
      impact:
        'CloudFormation rejects such a template. Until then, nothing in an unknown section is checked: a mis-indented ' +
        'resource, and the resources the indentation error carries with it, would pass every security check without a word.',
      remediation:
        'Indent the resource under `Resources:` like the others (two spaces, usually), or remove the key. A template needs at ' +
        'least one resource.',
    },
    references: [
      { tool: 'cfn-lint', id: 'E1001' },
      {
        tool: 'aws-docs',
        id: 'CloudFormation template sections',
        url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html',
      },
    ],
  },
  cloudformation: {
    // No `reads`: a key of any name matters, so the check runs on every lint (it looks at a dozen keys).
    checkTemplate(ctx) {
      const root = ctx.template.root;
      // With a syntax error the sections are what the parser's recovery made of the text: the
      // syntax error is the problem to report, not a section it lost or made up.
      if (!isMap(root) || ctx.template.errors.length > 0) return;
      for (const entry of root.entries) {
        if (SECTIONS.has(entry.key)) continue;
        const hint = /^[A-Za-z0-9]+$/.test(entry.key) && isMap(entry.value) ? ': if it is a resource, indent it under Resources' : '';
        ctx.report(entry.keyNode, `"${entry.key}" is not a section of a CloudFormation template, and nothing in it is checked${hint}.`);
      }
      const resources = valueOf(root, 'Resources');
      if (isMap(resources) && resources.entries.length > 0) return;
      const at = root.entries.find((e) => e.key === 'Resources')?.keyNode ?? root.entries[0]?.keyNode;
      if (at) ctx.report(at, 'The template has no resources, so nothing is checked: CloudFormation needs at least one under Resources.');
    },
  },
};
