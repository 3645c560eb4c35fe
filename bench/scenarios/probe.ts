/**
 * How much parallel CPU the machine gives right now: the same integer loop on one thread, then on
 * two threads at once. 2.0× means two free cores; on a machine shared with other work it is less,
 * and so is any speed-up from sharded synthesis measured beside it. Usage: node probe.js
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { report } from './common';

function spin(): number {
  let x = 0;
  const t = performance.now();
  for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0;
  if (x === 0.5) process.stdout.write('');
  return performance.now() - t;
}

if (!isMainThread) parentPort!.postMessage(spin());
else {
  const one = spin();
  const t = performance.now();
  void Promise.all([0, 1].map(() => new Promise<number>((resolve) => new Worker(__filename).once('message', resolve)))).then(() => {
    const two = performance.now() - t;
    report({ 'one thread': one, 'two threads': two }, { bytes: Math.round(((2 * one) / two) * 100) });
  });
}
