import * as assert from 'assert';
import { Linter, allRules, type LintResult, type Rule } from '@infralint/shared-rules';
import { LintScheduler, type SchedulerOptions } from '../src/lint-scheduler';

/** `count` buckets: each a piece to parse and a resource to check. */
function buckets(count: number): string {
  let text = 'Resources:\n';
  for (let i = 0; i < count; i++) text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n`;
  return text;
}

/** A scheduler whose publish resolves the returned promise (or rejects it after `timeoutMs`). */
function scheduler(options: Partial<SchedulerOptions>, timeoutMs = 20000): { scheduler: LintScheduler; published: Promise<LintResult> } {
  let resolve!: (r: LintResult) => void;
  let reject!: (e: unknown) => void;
  const published = new Promise<LintResult>((res, rej) => ((resolve = res), (reject = rej)));
  const timer = setTimeout(() => reject(new Error(`nothing published within ${timeoutMs} ms`)), timeoutMs);
  const s = new LintScheduler({
    debounceMs: 0,
    isCurrent: () => true,
    publish: (_uri, _version, result) => {
      clearTimeout(timer);
      resolve(result);
    },
    onError: (_uri, error) => reject(error),
    ...options,
  });
  return { scheduler: s, published };
}

describe('lint scheduler (slices and the time budget of a version)', function () {
  this.timeout(30000);

  it('publishes even with slices of 0 ms: every step makes progress', async () => {
    const { scheduler: s, published } = scheduler({ sliceMs: 0 });
    s.schedule({ uri: 'file:///t.yaml', version: 1, text: buckets(50) });
    const result = await published;
    assert.strictEqual(result.findings.filter((f) => f.ruleId === 'aws-s3-bucket-encryption').length, 50);
  });

  it('stops a rule that is slow on every resource once the version has used its budget over all its slices', async () => {
    let runs = 0;
    const slow: Rule = {
      meta: { ...allRules[0].meta, id: 'test-slow-rule' },
      cloudformation: {
        resourceTypes: ['AWS::S3::Bucket'],
        check() {
          runs++;
          const until = Date.now() + 20;
          while (Date.now() < until) {
            // 20 ms per bucket: 100 buckets take 2 s, each slice (one bucket) well within a 300 ms budget
          }
        },
      },
    };
    const { scheduler: s, published } = scheduler({ budgetMs: 300, newLinter: () => new Linter([slow, ...allRules]) });
    s.schedule({ uri: 'file:///t.yaml', version: 1, text: buckets(100) });
    const result = await published;
    const internal = result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message);
    assert.strictEqual(internal.length, 1, JSON.stringify(internal));
    assert.match(internal[0], /test-slow-rule was stopped .*more than 300 ms/);
    assert.strictEqual(result.findings.filter((f) => f.ruleId === 'aws-s3-bucket-encryption').length, 100);
    // 300 ms of budget is about 15 buckets of the slow rule; with a budget per slice it would run on all 100.
    assert.ok(runs < 50, `the slow rule ran on ${runs} of 100 buckets before it was stopped`);
  });
});
