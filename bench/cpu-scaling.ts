import { fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * How much this machine's cores add up: a fixed single-threaded loop (no allocation, no I/O) timed in one process
 * alone and in two at once, in turns. On a machine whose two cores are truly two, two copies take as long as one; on a
 * virtual machine whose cores share a physical one, or share it with a neighbour, each copy runs slower. B16's figure
 * (two matcher processes against one) cannot beat `pair / (2 × alone)` even for perfectly parallel work.
 */
export async function cpuScaling(rounds = 3): Promise<{ alone_ms: number; pair_ms: number; parallel_bound: number }> {
  const alone: number[] = [];
  const pair: number[] = [];
  for (let round = 0; round < rounds; round++) {
    alone.push(await spin());
    pair.push(Math.max(...(await Promise.all([spin(), spin()]))));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [a, p] = [median(alone), median(pair)];
  return { alone_ms: Math.round(a), pair_ms: Math.round(p), parallel_bound: Math.round((p / (2 * a)) * 1000) / 1000 };
}

/** One run of the loop in a child process: its wall time in ms. */
function spin(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'cpu-scaling.js'), ['--spin'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (ms) => resolve(ms as number));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the CPU loop exited with ${code}`)));
  });
}

/** The loop: ~1–2 s on a current core. In a function, where V8 optimizes it (at a module's top level it ran 5× slower). */
function loop(): number {
  const values = new Float64Array(1 << 16);
  let sum = 0;
  for (let round = 0; round < 16_000; round++) {
    for (let i = 0; i < values.length; i++) {
      values[i] = values[i] * 0.5 + i * round;
      sum += values[i];
    }
  }
  return sum;
}

if (process.argv.includes('--spin')) {
  const started = process.hrtime.bigint();
  const sum = loop();
  process.send!(Number(process.hrtime.bigint() - started) / 1e6, () => process.exit(sum > 0 ? 0 : 1));
}
