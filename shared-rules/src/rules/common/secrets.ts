import { intrinsicOf, scalarString, type Node } from '../../model/nodes';
import type { Template } from '../../model/template';

/**
 * A password-like value is safe when it is not literal text in the template: a `Ref` to a
 * `NoEcho` parameter without a default, a dynamic reference (`{{resolve:secretsmanager:...}}`,
 * `{{resolve:ssm-secure:...}}`), or any other intrinsic whose value the template does not hold.
 * Returns the literal node when the secret is written in the template, else undefined.
 */
export function literalSecret(node: Node, template: Template): Node | undefined {
  const fn = intrinsicOf(node);
  if (fn) {
    if (fn.key !== 'Ref') return undefined;
    const name = scalarString(fn.value);
    const parameter = name ? template.parameters.get(name) : undefined;
    if (!parameter || parameter.value.kind !== 'map') return undefined;
    const dflt = parameter.value.entries.find((e) => e.key === 'Default')?.value;
    const value = dflt ? scalarString(dflt) : undefined;
    return value !== undefined && value !== '' && !isDynamicReference(value) ? node : undefined;
  }
  const text = scalarString(node);
  if (text === undefined || text === '' || isDynamicReference(text)) return undefined;
  return node;
}

export function isDynamicReference(text: string): boolean {
  return /\{\{resolve:(secretsmanager|ssm-secure|ssm):/.test(text);
}
