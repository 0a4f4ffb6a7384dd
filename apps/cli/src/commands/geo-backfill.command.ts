import { Command, CommandRunner } from 'nest-commander';
import { LOCATED_TABLES, LocatedTable, LocationBackfillService } from '@app/geocoding';

const TABLES = Object.keys(LOCATED_TABLES) as LocatedTable[];

@Command({
  name: 'geo:backfill',
  arguments: '[tables...]',
  description: `Locate existing ${TABLES.join(' and ')} rows that have no coordinates or no precision (geocodes address and region)`,
})
export class GeoBackfillCommand extends CommandRunner {
  constructor(private readonly backfill: LocationBackfillService) {
    super();
  }

  async run(args: string[]): Promise<void> {
    for (const name of args) {
      if (!TABLES.includes(name as LocatedTable)) throw new Error(`unknown table "${name}": use ${TABLES.join(' or ')}`);
    }
    for (const table of args.length ? (args as LocatedTable[]) : TABLES) {
      const report = await this.backfill.backfill(table, (done, total) =>
        process.stdout.write(`\r${table}: ${done}/${total} (${Math.round((done / Math.max(total, 1)) * 100)}%)`),
      );
      const { point, township, district, city } = report.byPrecision;
      console.log(
        `\n${table}: ${report.located} of ${report.total} located (point ${point}, township ${township}, district ${district}, city ${city}); ` +
          `${report.unlocated} without a usable address or region`,
      );
    }
  }
}
