/**
 * Scanning many files on worker threads: each worker lints whole files with the same code as a
 * plain scan (scanFile), the main thread hands out files and puts the results back in file order,
 * so the report is the same whatever the number of workers.
 */
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { TargetConfig } from './config';
import type { Target } from './discover';
import { scanFilesInOrder, type FileScan } from './scan';

/** Below this many files, starting workers (each loads the engine) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;
/** Files handed to a worker at a time, and batches of them ahead of its results, so it never waits. */
const FILES_PER_JOB = 16;
const JOBS_IN_FLIGHT_PER_WORKER = 2;
const WORKER_FLAG = 'infralintScanWorker';

interface Job {
  /** Index of the first file in the scan. */
  index: number;
  targets: Target[];
  configs: (TargetConfig | undefined)[];
}

interface JobResult {
  index: number;
  scans: FileScan[];
}

export interface ParallelScanOptions {
  fix?: boolean;
  configFor?(target: Target): TargetConfig;
  /** How many files are linted at once: 1 lints them one after the other on this thread. */
  jobs: number;
}

/**
 * The default --jobs: a worker per core but one (at most 8). A single lint already keeps more than
 * one core busy, as V8 compiles and collects garbage on threads of its own, and each worker warms
 * up its own compiler: on 2 cores a second worker made the KICS corpus scan slower (1.80 s against
 * 1.65 s, see bench/), so there the files are linted on the main thread.
 */
export function defaultJobs(cores = availableCores()): number {
  return Math.max(1, Math.min(8, cores - 1));
}

/**
 * How many workers a scan of `files` files uses (0: none, the files are linted on this thread):
 * never more than the cores, as more cannot lint faster and each one holds its own copy of the engine.
 */
export function workerCount(files: number, jobs: number, cores = availableCores()): number {
  if (jobs <= 1 || files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(jobs, cores, Math.ceil(files / FILES_PER_JOB));
}

function availableCores(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

export async function scanFilesInParallel(targets: readonly Target[], options: ParallelScanOptions): Promise<FileScan[]> {
  const count = workerCount(targets.length, options.jobs);
  if (count === 0) return scanFilesInOrder(targets, options);
  const jobs: Job[] = [];
  for (let index = 0; index < targets.length; index += FILES_PER_JOB) {
    const batch = targets.slice(index, index + FILES_PER_JOB);
    jobs.push({ index, targets: batch, configs: batch.map((t) => options.configFor?.(t)) });
  }
  const results: FileScan[] = new Array(targets.length);
  let next = 0;
  let received = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next < jobs.length) worker.postMessage(jobs[next++]);
      };
      for (let w = 0; w < count; w++) {
        // This module's own file: the compiled module, or the bundle (dist/cli.js) it is part of.
        const worker = new Worker(__filename, { workerData: { [WORKER_FLAG]: true, fix: options.fix === true } });
        workers.push(worker);
        worker.on('message', (done: JobResult) => {
          done.scans.forEach((scan, k) => (results[done.index + k] = scan));
          if (++received === jobs.length) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (received < jobs.length) reject(new Error(`a scan worker stopped (exit code ${code}) before the scan was done`));
        });
        for (let k = 0; k < JOBS_IN_FLIGHT_PER_WORKER; k++) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** In a worker: scans the files it is sent, and sends their scans back. */
function serveScans(): void {
  const port = parentPort!;
  const fix = (workerData as { fix: boolean }).fix;
  port.on('message', (job: Job) => {
    const configs = new Map(job.targets.map((t, k) => [t, job.configs[k]]));
    const scans = scanFilesInOrder(job.targets, { fix, configFor: (t) => configs.get(t) ?? { lint: {} } });
    port.postMessage({ index: job.index, scans } satisfies JobResult);
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG] === true) serveScans();
