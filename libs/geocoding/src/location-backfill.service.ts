import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { OutboxService } from '@app/database';
import { LocationPrecision } from './location-precision';
import { LocationResolver } from './location-resolver';

/**
 * The tables whose rows carry a location, and the outbox topic that makes matching and search follow a change
 * (none for stations: event planning reads the station registry as it is when it plans).
 */
export const LOCATED_TABLES = {
  shortage: 'shortage.changed',
  seeker: 'seeker.changed',
  employer: 'employer.changed',
  station: null,
} as const;
export type LocatedTable = keyof typeof LOCATED_TABLES;

export interface BackfillReport {
  table: LocatedTable;
  /** Rows that had no location (or coordinates without a precision) when the run started. */
  total: number;
  located: number;
  /** Rows that stay without a location (no usable address nor region). */
  unlocated: number;
  byPrecision: Record<LocationPrecision, number>;
}

export type BackfillProgress = (done: number, total: number) => void;

interface Row {
  id: string;
  address: string | null;
  region_code: string | null;
  lat: number | null;
  lng: number | null;
}

/**
 * Locates existing rows written before geocoding existed (or by a door that skipped it): coordinates without a
 * precision become points; rows without coordinates are located from their address and region like a new
 * write. Runs in batches, each in its own transaction with an outbox row per changed record, so matching and the
 * search index follow; a re-run picks up only what is still missing. Used by `npm run cli -- geo:backfill`.
 */
@Injectable()
export class LocationBackfillService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly locations: LocationResolver,
  ) {}

  async backfill(table: LocatedTable, progress: BackfillProgress = () => undefined, batchSize = 500): Promise<BackfillReport> {
    const missing = `(lat IS NULL OR lng IS NULL OR location_precision IS NULL)`;
    const [{ count }] = await this.txHost.tx.query(`SELECT count(*)::int AS count FROM ${table} WHERE ${missing}`);
    const report: BackfillReport = { table, total: count, located: 0, unlocated: 0, byPrecision: { point: 0, township: 0, district: 0, city: 0 } };
    progress(0, count);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Row[] = await this.txHost.tx.query(
        `SELECT id, address, region_code, lat, lng FROM ${table} WHERE ${missing} AND id > $1 ORDER BY id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const updates: { id: string; lat: number; lng: number; location_precision: LocationPrecision }[] = [];
      for (const row of rows) {
        const found = await this.locations.resolve({ lat: row.lat, lng: row.lng, address: row.address, regionCode: row.region_code });
        if (found.lat === null || found.lng === null || !found.locationPrecision) {
          report.unlocated += 1;
          continue;
        }
        updates.push({ id: row.id, lat: found.lat, lng: found.lng, location_precision: found.locationPrecision });
        report.byPrecision[found.locationPrecision] += 1;
      }
      await this.txHost.withTransaction(async () => {
        if (updates.length === 0) return;
        await this.txHost.tx.query(
          `UPDATE ${table} AS t SET lat = v.lat, lng = v.lng, location_precision = v.location_precision, updated_at = now()
             FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, lat double precision, lng double precision, location_precision text)
            WHERE t.id = v.id`,
          [JSON.stringify(updates)],
        );
        const topic = LOCATED_TABLES[table];
        if (topic) await OutboxService.writeMany(this.txHost.tx, topic, updates.map(({ id }) => id));
      });
      report.located += updates.length;
      progress(report.located + report.unlocated, count);
    }
    return report;
  }
}
