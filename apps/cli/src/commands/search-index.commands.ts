import { Command, CommandRunner } from 'nest-commander';
import { IndexReconcilerService, Progress, ReconcileReport } from '@app/indexing';
import { SEARCH_INDEXES, SearchIndexName } from '@app/search';

function indexesFrom(args: string[]): SearchIndexName[] {
  if (args.length === 0) return [...SEARCH_INDEXES];
  for (const name of args) {
    if (!SEARCH_INDEXES.includes(name as SearchIndexName)) throw new Error(`unknown index "${name}": use ${SEARCH_INDEXES.join(' or ')}`);
  }
  return args as SearchIndexName[];
}

const printProgress =
  (index: string): Progress =>
  (done, total) =>
    process.stdout.write(`\r${index}: ${done}/${total} (${Math.round((done / Math.max(total, 1)) * 100)}%)`);

const printReport = (report: ReconcileReport) => {
  console.log(
    `\n${report.index}: ${report.expected} expected, ${report.missing} missing, ${report.stale} stale, ${report.orphans} orphans removed, ${report.failures.length} failed`,
  );
  for (const failure of report.failures) console.log(`  ${report.index} ${failure.id} not indexed: ${failure.reason}`);
  if (report.failures.length) process.exitCode = 1;
};

@Command({ name: 'search:reindex', arguments: '[indexes...]', description: 'Rebuild search indexes (seekers, shortages) from PostgreSQL' })
export class ReindexCommand extends CommandRunner {
  constructor(private readonly reconciler: IndexReconcilerService) {
    super();
  }

  async run(args: string[]): Promise<void> {
    for (const index of indexesFrom(args)) printReport(await this.reconciler.rebuild(index, printProgress(index)));
  }
}

@Command({ name: 'search:reconcile', arguments: '[indexes...]', description: 'Find and repair missing, stale and orphan search documents' })
export class ReconcileCommand extends CommandRunner {
  constructor(private readonly reconciler: IndexReconcilerService) {
    super();
  }

  async run(args: string[]): Promise<void> {
    for (const index of indexesFrom(args)) printReport(await this.reconciler.reconcile(index, printProgress(index)));
  }
}
