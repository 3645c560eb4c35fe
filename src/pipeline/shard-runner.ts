/**
 * The process of a parallel synth (src/pipeline/shards.ts): reads its ShardJob on stdin,
 * synthesizes shard 0 on its main thread and every other shard on a worker thread, then writes
 * manifest.json. Exit 0 when every shard was written; else the first error on stderr, exit 1 (a
 * dying worker thread is an error, never a hang).
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { assembleManifest, synthShard, type Manifest, type ShardJob } from './shards';

interface ShardTask {
  readonly landingZone: ShardJob['landingZone'];
  readonly names: readonly string[];
  readonly staging: string;
  readonly index: number;
}

function fail(e: unknown): never {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}

function runShard(task: ShardTask): Promise<Manifest> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: task });
    worker.once('message', (m: Manifest) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`shard ${task.index} stopped (exit code ${code}) before it was written`)));
  });
}

function main(): void {
  const job = deserialize(readFileSync(0)) as ShardJob;
  const others = job.shards.slice(1).map((names, i) => runShard({ landingZone: job.landingZone, names, staging: job.staging, index: i + 1 }));
  let own: Manifest;
  try {
    own = synthShard(job.landingZone, job.shards[0] ?? [], job.staging, 0);
  } catch (e) {
    fail(e);
  }
  Promise.all(others).then(
    (rest) => {
      try {
        assembleManifest(job, [own, ...rest]);
      } catch (e) {
        fail(e);
      }
    },
    (e: unknown) => fail(e),
  );
}

if (isMainThread) main();
else {
  const task = workerData as ShardTask;
  // Fault injection for the reliability tests: this shard's thread stops before writing anything.
  if (process.env.SLZ_CRASH_AT === `shard-${task.index}`) process.exit(70);
  parentPort!.postMessage(synthShard(task.landingZone, task.names, task.staging, task.index));
}
