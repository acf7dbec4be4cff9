import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultJobs, MIN_FILES_FOR_WORKERS, scanFilesInParallel, workerCount } from '../src/parallel-scan';
import { scanFile, scanFilesInOrder } from '../src/scan';
import { discoverFiles } from '../src/discover';
import { cleanup, makeFixture, runCli } from './helpers';

const WORKSPACE = path.resolve(__dirname, '../../../test-workspace');

/** Enough files for workers: the test-workspace templates (insecure, secure, not CloudFormation) several times over. */
function manyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const sources = fs.readdirSync(WORKSPACE, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  for (let copy = 0; Object.keys(files).length < MIN_FILES_FOR_WORKERS * 2; copy++) {
    for (const entry of sources) {
      const rel = path.relative(WORKSPACE, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/');
      files[`copy${copy}/${rel}`] = fs.readFileSync(path.join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    }
  }
  return files;
}

function largeTemplate(count: number): string {
  let text = 'Resources:\n';
  for (let i = 0; i < count; i++) text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n`;
  return text;
}

describe('scanning many files on worker threads (--jobs)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = makeFixture(manyFiles());
  });
  after(() => cleanup(dir));

  it('gives the same report, byte for byte, with any number of workers', () => {
    const one = runCli(['scan', '.', '--format', 'json', '--jobs', '1'], dir);
    const three = runCli(['scan', '.', '--format', 'json', '--jobs', '3'], dir);
    assert.strictEqual(one.status, 1, one.stderr);
    assert.strictEqual(three.status, 1, three.stderr);
    const report = JSON.parse(one.stdout) as { files: unknown[]; findings: unknown[] };
    assert.ok(report.files.length >= MIN_FILES_FOR_WORKERS * 2 && report.findings.length > 100, `${report.files.length} files, ${report.findings.length} findings`);
    assert.strictEqual(three.stdout, one.stdout);
    assert.strictEqual(runCli(['scan', '.', '--jobs', '2'], dir).stdout, runCli(['scan', '.', '--jobs', '1'], dir).stdout, 'the text report too');
  });

  it('puts every file back in its place when workers answer in any order (in process)', async () => {
    // The first file is large: the worker with the first files answers after the others.
    fs.writeFileSync(path.join(dir, 'aaa-large.yaml'), largeTemplate(1500));
    const { targets } = discoverFiles(['.'], dir);
    assert.strictEqual(targets[0].file, 'aaa-large.yaml');
    const inOrder = targets.map((t) => scanFile(t));
    assert.ok(workerCount(targets.length, 4, 4) > 1);
    assert.deepStrictEqual(await scanFilesInParallel(targets, { jobs: 4 }), inOrder);
    // (On a machine of one core the workers are capped to one: the order is then not put to the test.)
  });

  it('uses no worker for a few files, nor with --jobs 1, and by default leaves a core to the main thread', () => {
    assert.strictEqual(workerCount(MIN_FILES_FOR_WORKERS - 1, 8), 0);
    assert.strictEqual(workerCount(10_000, 1), 0);
    assert.ok(workerCount(MIN_FILES_FOR_WORKERS, 8, 8) >= 1);
    assert.strictEqual(workerCount(100_000, 999, 4), 4, 'more workers than cores');
    assert.deepStrictEqual([1, 2, 3, 4, 16].map((cores) => defaultJobs(cores)), [1, 1, 2, 3, 8]);
  });

  it('goes on with a batch that ran out of its time budget: the file it was on alone, then the rest, with the same result', () => {
    const { targets } = discoverFiles(['.'], dir);
    const some = targets.slice(0, 40);
    // A 1 ms budget for a batch runs out at once: the file it was on is scanned in its own (default) budget.
    const redone: string[] = [];
    const scans = scanFilesInOrder(some, {}, 1, (t) => redone.push(t.file));
    assert.ok(redone.length > 0, 'no batch ran out of its budget');
    assert.strictEqual(new Set(redone).size, redone.length, 'a file was scanned alone twice');
    assert.deepStrictEqual(scans, some.map((t) => scanFile(t)));
  });

  it('rejects a --jobs value that is not a whole number from 1 up, and --jobs for rules', () => {
    for (const bad of ['0', '-1', 'two', '1.5', '']) {
      const run = runCli(['scan', '.', `--jobs=${bad}`], dir);
      assert.strictEqual(run.status, 2, `--jobs=${bad}: ${run.stderr}`);
      assert.match(run.stderr, bad === '' ? /--jobs needs a value/ : /invalid value for --jobs/);
    }
    // A value taken from the next argument: named as the bad value it is, before any other complaint.
    for (const [args, message] of [[['--jobs', '-1'], /invalid value for --jobs: '-1'/], [['--jobs', 'test-workspace'], /invalid value for --jobs: 'test-workspace'/]] as const) {
      const run = runCli(['scan', ...args], dir);
      assert.strictEqual(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
    }
    const rules = runCli(['rules', '--jobs', '2'], dir);
    assert.strictEqual(rules.status, 2);
    assert.match(rules.stderr, /--jobs is only for scan/);
  });
});
