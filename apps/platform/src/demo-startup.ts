import { INestApplicationContext } from '@nestjs/common';
import { DemoClaims, DemoDataLoader, DemoGate, DemoRefreshService } from '@app/demo-setup';
import { IndexReconcilerService } from '@app/indexing';
import { MatchRunsService } from '@app/matching';
import { SEARCH_INDEXES } from '@app/search';

/**
 * Demo mode at start: loads the demo data set into an empty database (dates relative to today), or brings demo data
 * loaded on an earlier day (or by an older version) forward to today, then opens the gate the scheduled jobs wait for. A fresh load is indexed
 * in one pass and matched once, so candidates, recommendations and event proposals are there to explore.
 */
export async function prepareDemo(app: INestApplicationContext): Promise<{ loaded: boolean }> {
  const { loaded } = await app.get(DemoDataLoader).loadIfEmpty();
  // Demo data of an older version (no demo_state row) is taken over and brought forward, as `demo:refresh` does.
  if (!loaded) await app.get(DemoRefreshService).refresh({ adopt: true });
  await app.get(DemoGate).whenOpen();
  // Subsidy claims in several states, and the evidence they rest on (held in memory: loaded at every start).
  await app.get(DemoClaims).prepare();
  if (loaded) {
    // Demo rows are written in bulk, without outbox rows: index them in one pass.
    for (const index of SEARCH_INDEXES) await app.get(IndexReconcilerService).rebuild(index);
    await app.get(MatchRunsService).request('startup', null);
  }
  return { loaded };
}
