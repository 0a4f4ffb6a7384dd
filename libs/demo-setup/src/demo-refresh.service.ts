import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { OutboxService } from '@app/database';
import { liveShortageSql, Shortage, unendedShortageSql } from '@app/employer-demand';
import { Taxonomy } from '@app/taxonomy';
import { generateDataset, TIER_SIZES } from '@app/demo-data';
import { DemoState } from './demo-state.entity';
import { DEMO_REF_PREFIX, demoShortageRow } from './demo-shortage-row';

/** A live demo shortage whose deadline is nearer than this is moved forward. */
export const DEMO_ROLL_WITHIN_DAYS = 14;
/** Rolled deadlines fall this many days ahead, spread by shortage. */
export const DEMO_ROLL_MIN_DAYS = 30;
export const DEMO_ROLL_SPREAD_DAYS = 61;
/** The demo keeps about as many open shortages as it loaded (nine in ten of the tier's shortages; the tenth are drafts). */
export const DEMO_OPEN_TARGET = Math.round(TIER_SIZES.demo.shortages * 0.9);

export interface DemoRefreshReport {
  refreshed: boolean;
  /** Why nothing was done: 'no-demo-data' or 'already-today'. */
  skipped?: 'no-demo-data' | 'already-today';
  today: string;
  /** Demo data of an older version (no demo_state row) taken over by this refresh. */
  adopted: number;
  rolled: number;
  toppedUp: number;
}

/**
 * Keeps a demo database alive: once a day (Asia/Shanghai) the live demo shortages whose deadline is less than two weeks
 * away get a deadline 30–90 days ahead (start dates no earlier than today), and when filled, closed or expired
 * demo shortages leave fewer open ones than the demo loaded, new ones are generated from the same seed to top it up.
 * Each change writes a transition and a `shortage.changed` outbox row in the same transaction, so search, matching
 * and event proposals follow. Only demo shortages (employer reference `demo-…`) are touched, never a user's.
 */
@Injectable()
export class DemoRefreshService {
  private readonly logger = new Logger(DemoRefreshService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly taxonomy: Taxonomy,
    private readonly clock: Clock,
  ) {}

  /** The day the demo was last refreshed, or null when the database holds no generated demo data. */
  async refreshedOn(): Promise<string | null> {
    const rows: { refreshedOn: string }[] = await this.dataSource.query(`SELECT refreshed_on::text AS "refreshedOn" FROM demo_state WHERE id = 1`);
    return rows[0]?.refreshedOn ?? null;
  }

  /**
   * Refreshes unless it already ran today. `force` runs again on the same day; `adopt` takes over demo data loaded
   * by an older version (no demo_state row): the shortages written with the demo accounts (`demo:refresh`).
   */
  async refresh(options: { force?: boolean; adopt?: boolean } = {}): Promise<DemoRefreshReport> {
    const today = this.clock.today();
    const report = await this.dataSource.transaction(async (manager) => {
      const adopted = options.adopt ? await this.adoptOlderDemo(manager, today) : 0;
      const [state]: DemoState[] = await manager.query(
        `SELECT seed, refreshed_on::text AS "refreshedOn", topped_up AS "toppedUp" FROM demo_state WHERE id = 1 FOR UPDATE`,
      );
      const base = { today, adopted, rolled: 0, toppedUp: 0 };
      if (!state) return { ...base, refreshed: false, skipped: 'no-demo-data' as const };
      if (!options.force && !adopted && state.refreshedOn >= today) return { ...base, refreshed: false, skipped: 'already-today' as const };
      const rolled = await this.rollForward(manager, today);
      const { added, drawn } = await this.topUp(manager, today, state);
      // topped_up counts the generator slots drawn (used or skipped), so the next top-up starts after them.
      await manager.query(`UPDATE demo_state SET refreshed_on = $1, topped_up = topped_up + $2 WHERE id = 1`, [today, drawn]);
      return { ...base, refreshed: true, rolled, toppedUp: added };
    });
    if (report.refreshed) {
      this.logger.log(`demo refreshed for ${today}: ${report.rolled} deadlines moved forward, ${report.toppedUp} shortages added${report.adopted ? `, ${report.adopted} older demo shortages adopted` : ''}`);
    }
    return report;
  }

  private async rollForward(manager: EntityManager, today: string): Promise<number> {
    const [rows]: [{ id: string; status: string }[], number] = await manager.query(
      `UPDATE shortage s SET deadline = v.deadline, start_date = LEAST(GREATEST(s.start_date, $1::date), v.deadline), updated_at = now()
       FROM (SELECT id, $1::date + ($4 + mod(abs(hashtext(id::text)), $5))::int AS deadline FROM shortage
             WHERE external_ref LIKE $2 AND ${unendedShortageSql()} AND deadline < $1::date + $3::int
             FOR UPDATE) v
       WHERE s.id = v.id
       RETURNING s.id, s.status`,
      [today, `${DEMO_REF_PREFIX}%`, DEMO_ROLL_WITHIN_DAYS, DEMO_ROLL_MIN_DAYS, DEMO_ROLL_SPREAD_DAYS],
    );
    if (rows.length === 0) return 0;
    await manager.query(
      `INSERT INTO shortage_transition (shortage_id, from_status, to_status, reason)
       SELECT (e->>'id')::uuid, e->>'status', e->>'status', '演示数据：招聘截止日期顺延' FROM jsonb_array_elements($1::jsonb) e`,
      [JSON.stringify(rows)],
    );
    await OutboxService.writeMany(manager, 'shortage.changed', rows.map((row) => row.id));
    return rows.length;
  }

  /** Adds demo shortages up to the open target: how many were added, and how many generator slots were drawn. */
  private async topUp(manager: EntityManager, today: string, state: Pick<DemoState, 'seed' | 'toppedUp'>): Promise<{ added: number; drawn: number }> {
    const [{ live }]: { live: number }[] = await manager.query(
      `SELECT count(*)::int AS live FROM shortage WHERE external_ref LIKE $1 AND ${liveShortageSql()}`,
      [`${DEMO_REF_PREFIX}%`],
    );
    const missing = DEMO_OPEN_TARGET - live;
    if (missing <= 0) return { added: 0, drawn: 0 };
    const dataset = generateDataset({ seed: state.seed, tier: 'demo', referenceDate: today });
    const creditCodes = [...dataset.employers()].map((e) => [e.key, e.creditCode] as const);
    const found: { id: string; creditCode: string }[] = await manager.query(
      `SELECT id, credit_code AS "creditCode" FROM employer WHERE credit_code = ANY($1)`,
      [creditCodes.map(([, code]) => code)],
    );
    const byCode = new Map(found.map((row) => [row.creditCode, row.id]));
    const employerIds = new Map(creditCodes.map(([key, code]) => [key, byCode.get(code)]));
    const now = this.clock.now().getTime();
    const rows: Partial<Shortage>[] = [];
    // Draw until enough employers still exist; give up after a few misses per slot (a database whose employers were removed).
    const start = dataset.counts.shortages + state.toppedUp;
    let index = start;
    for (; rows.length < missing && index - start < missing * 4; index++) {
      const generated = dataset.extraShortageAt(index);
      const employerId = employerIds.get(generated.employerKey);
      if (!employerId) continue;
      rows.push({
        ...demoShortageRow(generated, employerId, this.taxonomy),
        status: 'open',
        // Published during the last day, as new postings are.
        publishedAt: new Date(now - ((rows.length * 37) % 1440) * 60_000),
      });
    }
    const drawn = index - start;
    if (rows.length === 0) return { added: 0, drawn };
    const inserted = await manager.getRepository(Shortage).createQueryBuilder().insert().values(rows as never).orIgnore().returning(['id']).execute();
    const ids = (inserted.raw as { id: string }[]).map((row) => row.id);
    if (ids.length === 0) return { added: 0, drawn };
    await manager.query(
      `INSERT INTO shortage_transition (shortage_id, from_status, to_status, reason) SELECT unnest($1::uuid[]), NULL, 'open', '演示数据：补充缺工需求'`,
      [ids],
    );
    await OutboxService.writeMany(manager, 'shortage.changed', ids);
    return { added: ids.length, drawn };
  }

  /**
   * Demo data of an older version has no demo_state row and no demo references: its shortages are the ones written
   * in the transaction that created the demo accounts (same creation time), without an author or reference.
   */
  private async adoptOlderDemo(manager: EntityManager, today: string): Promise<number> {
    if ((await manager.query(`SELECT 1 FROM demo_state WHERE id = 1`)).length) return 0;
    // Compared in SQL: a timestamp read into JavaScript loses its microseconds.
    const loadedAt = `(SELECT min(created_at) FROM app_user WHERE is_demo)`;
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE shortage SET external_ref = $1 || 'adopted-' || id::text
       WHERE created_at = ${loadedAt} AND created_by IS NULL AND external_ref IS NULL RETURNING id`,
      [DEMO_REF_PREFIX],
    );
    if (rows.length === 0) return 0;
    await manager.query(
      `INSERT INTO demo_state (id, seed, loaded_at, loaded_on, refreshed_on, topped_up)
       SELECT 1, $1, ${loadedAt}, $2, '1970-01-01', 0 ON CONFLICT DO NOTHING`,
      [this.config.DEMO_SEED, today],
    );
    return rows.length;
  }
}
