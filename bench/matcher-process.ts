import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { MatchDataRepository, MatchRunsService } from '@app/matching';
import { ShortageMatchFacts } from '@app/employer-demand';
import { SeekerMatchFacts } from '@app/seeker-pool';
import { MatcherModule } from '../apps/matcher/src/matcher.module';

/**
 * One matcher process for B8 (forked by rematch.bench.ts): the matcher app's modules on the configuration in its
 * environment, consuming the same queue as its siblings. Reports 'ready', then, when asked, the time its steps took
 * (summed over concurrent jobs, so a share of the whole, not wall time) and its peak RSS.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(loadConfig(process.env), [MatcherModule]), { logger: false });
  await app.init();
  /** Per step: time summed over calls, first start and last end (epoch ms), process CPU during the calls. */
  const spent: Record<string, { ms: number; calls: number; first: number; last: number; cpuMs: number }> = {};
  let inFlight = 0;
  const timed = <T extends object>(target: T, method: keyof T & string, label: string) => {
    const original = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
    (target as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const entry = (spent[label] ??= { ms: 0, calls: 0, first: Date.now(), last: 0, cpuMs: 0 });
      inFlight += 1;
      try {
        return await original(...args);
      } finally {
        inFlight -= 1;
        entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
        entry.calls += 1;
        entry.last = Date.now();
        const used = process.cpuUsage(cpu);
        entry.cpuMs += (used.user + used.system) / 1000;
      }
    };
  };
  timed(app.get(MatchRunsService), 'scoreShard', 'shard total');
  timed(app.get(MatchRunsService), 'finalize', 'finalize');
  timed(app.get(ShortageMatchFacts), 'inShard', 'shard: load shortages');
  timed(app.get(SeekerMatchFacts), 'inGroups', 'shard: load a group\'s seekers');
  timed(app.get(MatchDataRepository), 'excludedPairs', 'shard: excluded pairs');
  const cpuStarted = process.cpuUsage();
  process.on('message', async (message: string) => {
    if (message === 'stats') {
      // The run is seen complete while finalize, which completed it, has not returned yet.
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const cpu = process.cpuUsage(cpuStarted);
      process.send!({ stats: spent, cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
    } else if (message === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
  process.send!('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
