import { Command, CommandRunner } from 'nest-commander';
import { DemoRefreshService } from '@app/demo-setup';

/**
 * For a database whose demo data went stale (deadlines passed, shortages expired): moves the demo shortages' dates
 * forward from today and generates new open shortages in place of expired, filled or closed ones. Demo data loaded by
 * an older version is taken over first. The changes reach search and matching through the outbox (the matcher, or
 * `npm start`, relays them).
 */
@Command({ name: 'demo:refresh', description: 'Bring stale demo data forward to today: move deadlines ahead and top up open shortages' })
export class RefreshDemoCommand extends CommandRunner {
  constructor(private readonly refresher: DemoRefreshService) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.refresher.refresh({ force: true, adopt: true });
    if (!report.refreshed) {
      console.log('no demo data in this database (load it with `npm run cli -- demo:load`, or `npm start` in demo mode)');
      return;
    }
    console.log(
      `demo refreshed for ${report.today}: ${report.rolled} deadlines moved forward, ${report.toppedUp} open shortages added` +
        (report.adopted ? `, ${report.adopted} shortages of older demo data adopted` : '') +
        '. Search and matching follow through the outbox when the matcher (or npm start) runs.',
    );
  }
}
