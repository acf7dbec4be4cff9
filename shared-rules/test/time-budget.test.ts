import * as assert from 'assert';
import { Linter } from '../src/engine';
import { fixAllWithinBudget, lintStepWithinBudget, lintWithinBudget, withinTimeBudget } from '../src/host/time-budget';
import { fixAll } from '../src/fix/apply';
import type { Rule } from '../src/rules/rule';
import { allRules } from '../src/rules/index';

/** A rule stuck in an endless loop, as a bug could leave one: only the time budget can stop it. */
function looping(id: string, kind: 'resource' | 'template'): Rule {
  const spin = () => {
    for (;;) {
      // endless on purpose
    }
  };
  return {
    meta: { ...allRules[0].meta, id },
    cloudformation: kind === 'resource' ? { resourceTypes: ['AWS::S3::Bucket'], check: spin } : { checkTemplate: spin },
  };
}

const TEMPLATE = 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: {}\n';

describe('per-document time budget (host/time-budget.ts)', function () {
  this.timeout(20000);

  for (const kind of ['resource', 'template'] as const) {
    it(`stops a ${kind} rule stuck in a loop, names it, and keeps the other rules' findings`, () => {
      const linter = new Linter([looping('test-looping-rule', kind), ...allRules]);
      const { result, linter: next } = lintWithinBudget(linter, TEMPLATE, { fileName: 't.yaml' }, 300);
      const internal = result.findings.filter((f) => f.ruleId === 'internal-error');
      assert.strictEqual(internal.length, 1, JSON.stringify(internal.map((f) => f.message)));
      assert.match(internal[0].message, /test-looping-rule was stopped .*more than 300 ms/);
      const others = result.findings.map((f) => f.ruleId).filter((id) => id !== 'internal-error');
      assert.ok(others.includes('aws-s3-bucket-encryption'), others.join(', '));
      assert.ok(others.includes('aws-kms-key-rotation'), others.join(', '));
      // The interrupted Linter may hold half-written caches: a new one is handed back, and it works.
      assert.notStrictEqual(next, linter);
      const again = lintWithinBudget(next, TEMPLATE.replace('Data:', 'Logs:'), { fileName: 't.yaml' }, 300).result;
      assert.ok(again.findings.some((f) => f.ruleId === 'aws-s3-bucket-encryption' && f.resource === 'Logs'));
    });
  }

  it('stops a rule stuck in a loop while linting in steps (the server), and the next steps go on without it', () => {
    let linter = new Linter([looping('test-looping-rule', 'resource'), ...allRules]);
    const first = lintStepWithinBudget(linter, TEMPLATE, { fileName: 't.yaml' }, () => false, { budgetMs: 300 });
    assert.strictEqual(first.result, undefined, 'the step that ran out of time gives no result');
    assert.notStrictEqual(first.linter, linter);
    assert.deepStrictEqual([...first.linter.stoppedRules.keys()], ['test-looping-rule']);
    linter = first.linter;
    let result;
    for (let steps = 0; result === undefined && steps < 10; steps++) ({ result, linter } = lintStepWithinBudget(linter, TEMPLATE, { fileName: 't.yaml' }, () => false, { budgetMs: 300 }));
    assert.ok(result, 'a later step gives the result');
    assert.deepStrictEqual(result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => /test-looping-rule was stopped/.test(f.message)), [true]);
    assert.ok(result.findings.some((f) => f.ruleId === 'aws-s3-bucket-encryption'));
  });

  it('stops the rule that used a version\'s budget over its steps when the time runs out between two rules (a flaky CI run)', () => {
    // 20 ms a bucket, in steps of one bucket: the budget goes on this rule, a step at a time.
    const slow: Rule = {
      meta: { ...allRules[0].meta, id: 'test-slow-rule' },
      cloudformation: {
        resourceTypes: ['AWS::S3::Bucket'],
        check() {
          for (const until = performance.now() + 20; performance.now() < until; ) {
            // slow on purpose
          }
        },
      },
    };
    const buckets = `Resources:\n${Array.from({ length: 20 }, (_, i) => `  B${i}:\n    Type: AWS::S3::Bucket\n`).join('')}`;
    const linter = new Linter([slow, ...allRules]);
    // Steps of one piece each: the 20 pieces are parsed first, then the rules run a bucket a step.
    for (let i = 0; i < 60 && (linter.slowestRule?.ms ?? 0) < 150; i++) linter.prepare(buckets, { fileName: 't.yaml' }, () => true);
    assert.strictEqual(linter.slowestRule?.id, 'test-slow-rule');
    assert.ok((linter.slowestRule?.ms ?? 0) >= 150, JSON.stringify(linter.slowestRule));
    // The last millisecond of the budget runs out in the engine's own work, not in a rule.
    const busy = Object.assign(Object.create(linter) as Linter, {
      prepare: () => {
        for (const until = performance.now() + 50; performance.now() < until; ) {
          // the engine's own work
        }
        return false;
      },
    });
    const step = lintStepWithinBudget(busy, buckets, { fileName: 't.yaml' }, () => false, { budgetMs: 300, spentMs: 299 });
    assert.strictEqual(step.result, undefined, `gave up instead: ${JSON.stringify(step.result?.findings.map((f) => f.message))}`);
    assert.deepStrictEqual([...step.linter.stoppedRules.keys()], ['test-slow-rule']);
  });

  it('restores Error.stackTraceLimit when it stops code that changed it (stopped code runs no finally block)', () => {
    const before = Error.stackTraceLimit;
    const stopped = withinTimeBudget(() => {
      Error.stackTraceLimit = 0;
      try {
        for (;;) {
          // endless on purpose
        }
      } finally {
        Error.stackTraceLimit = before;
      }
    }, 50);
    assert.strictEqual(stopped, undefined);
    assert.strictEqual(Error.stackTraceLimit, before);
  });

  it('stops several looping rules one after the other', () => {
    const linter = new Linter([looping('test-loop-a', 'resource'), looping('test-loop-b', 'template'), ...allRules]);
    const { result } = lintWithinBudget(linter, TEMPLATE, { fileName: 't.yaml' }, 200);
    const messages = result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message);
    assert.strictEqual(messages.length, 2, JSON.stringify(messages));
    assert.ok(messages.some((m) => m.includes('test-loop-a')) && messages.some((m) => m.includes('test-loop-b')));
    assert.ok(result.findings.some((f) => f.ruleId === 'aws-s3-bucket-encryption'));
  });

  it('gives the same result as a plain lint when no rule runs long, and keeps the Linter', () => {
    const linter = new Linter();
    const { result, linter: next } = lintWithinBudget(linter, TEMPLATE, { fileName: 't.yaml' });
    assert.strictEqual(next, linter);
    const plain = new Linter().lint(TEMPLATE, { fileName: 't.yaml' });
    assert.deepStrictEqual(result.findings.map((f) => `${f.ruleId}@${f.span.start}`), plain.findings.map((f) => `${f.ruleId}@${f.span.start}`));
  });

  it('passes other exceptions through (a crash is not a timeout)', () => {
    class Throwing extends Linter {
      override lint(): never {
        throw new Error('not a timeout');
      }
    }
    assert.throws(() => lintWithinBudget(new Throwing(), TEMPLATE, { fileName: 't.yaml' }), /not a timeout/);
  });

  it('keeps a stopped rule stopped for the later versions of the document: it is not run again', () => {
    let runs = 0;
    const counting: Rule = {
      meta: { ...allRules[0].meta, id: 'test-counting-loop' },
      cloudformation: {
        resourceTypes: ['AWS::S3::Bucket'],
        check() {
          runs++;
          for (;;) {
            // endless on purpose
          }
        },
      },
    };
    const first = lintWithinBudget(new Linter([counting, ...allRules]), TEMPLATE, { fileName: 't.yaml' }, 300);
    assert.strictEqual(runs, 1);
    assert.ok(first.linter.stoppedRules.has('test-counting-loop'));
    const second = lintWithinBudget(first.linter, TEMPLATE.replace('Data:', 'Logs:'), { fileName: 't.yaml' }, 300);
    assert.strictEqual(runs, 1, 'the stopped rule ran again');
    assert.strictEqual(second.linter, first.linter);
    assert.ok(second.result.findings.some((f) => f.ruleId === 'internal-error' && /test-counting-loop was stopped/.test(f.message)));
    assert.ok(second.result.findings.some((f) => f.ruleId === 'aws-s3-bucket-encryption' && f.resource === 'Logs'));
  });

  it('fix-all leaves stopped rules alone, and gives the text back with a reason when its time runs out', () => {
    const text = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n';
    assert.notStrictEqual(fixAll(text, { fileName: 't.yaml' }).text, text);
    assert.strictEqual(fixAll(text, { fileName: 't.yaml', stoppedRules: new Map([['aws-kms-key-rotation', 'stopped']]) }).text, text);
    const big = Array.from({ length: 300 }, (_, i) => `  Key${i}:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n`).join('');
    const outOfTime = fixAllWithinBudget(`Resources:\n${big}`, { fileName: 't.yaml' }, 1);
    assert.strictEqual(outOfTime.text, `Resources:\n${big}`);
    assert.match(outOfTime.notApplied ?? '', /took more than 1 ms/);
  });
});
