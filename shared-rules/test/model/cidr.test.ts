import * as assert from 'assert';
import { isOpenToWorld, parseCidr } from '../../src/rules/common/cidr';

describe('CIDR parsing', () => {
  it('treats any prefix of length 0 as the whole address space', () => {
    for (const open of ['0.0.0.0/0', '10.1.2.0/0', '::/0', '2001:db8::/0', ' 0.0.0.0/0 ']) assert.ok(isOpenToWorld(open), open);
  });
  it('does not treat narrower or invalid ranges as open', () => {
    for (const closed of ['10.0.0.0/8', '0.0.0.0/1', '::/1', '0.0.0.0', '300.0.0.0/0', 'any', '', '0.0.0.0/00x', '1::2::3/0']) {
      assert.ok(!isOpenToWorld(closed), closed);
    }
  });
  it('parses IPv4 and IPv6 with their prefix', () => {
    assert.deepStrictEqual(parseCidr('192.168.1.0/24'), { version: 4, prefix: 24 });
    assert.deepStrictEqual(parseCidr('fe80::1/64'), { version: 6, prefix: 64 });
    assert.deepStrictEqual(parseCidr('::ffff:10.0.0.1/128'), { version: 6, prefix: 128 });
    assert.strictEqual(parseCidr('10.0.0.0/33'), undefined);
  });
});
