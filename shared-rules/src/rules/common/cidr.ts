/** CIDR parsing: ranges are compared as numbers, never as strings. */
export interface Cidr {
  version: 4 | 6;
  prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const match = /^\s*([^/\s]+)\/(\d{1,3})\s*$/.exec(text);
  if (!match) return undefined;
  const [, address, prefixText] = match;
  const prefix = Number(prefixText);
  if (isIPv4(address)) return prefix <= 32 ? { version: 4, prefix } : undefined;
  if (isIPv6(address)) return prefix <= 128 ? { version: 6, prefix } : undefined;
  return undefined;
}

function isIPv4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(address: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(address)) return false;
  const doubleColons = address.split('::').length - 1;
  if (doubleColons > 1) return false;
  const groups = address.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1];
  const embeddedV4 = last !== undefined && last.includes('.');
  if (embeddedV4 && !isIPv4(last)) return false;
  const groupCount = groups.length + (embeddedV4 ? 1 : 0);
  if (!groups.every((g, i) => (embeddedV4 && i === groups.length - 1) || /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return doubleColons === 1 ? groupCount <= 7 : groupCount === 8;
}

/** A prefix of length 0 matches every address: `0.0.0.0/0`, `10.1.2.0/0` and `::/0` alike. */
export function isOpenToWorld(text: string): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && cidr.prefix === 0;
}
