import { DataSource } from 'typeorm';
import { HttpClient } from '@app/testing';

interface Group {
  key: string;
  openPositions: number;
  shortages: number;
  seekers?: number;
  demandSupplyRatio?: number | null;
}

/** 海口, 三亚 and 三沙 are published as the city; every other code as itself. Written out, not taken from the service. */
const ROLLUP = `CASE WHEN substr(region_code, 1, 4) IN ('4601', '4602', '4603') THEN substr(region_code, 1, 4) || '00' ELSE region_code END`;
const ratioOf = (open: number, seekers: number) => (seekers ? Math.round((open / seekers) * 100) / 100 : null);

/**
 * Checks every headline figure of the administrators' dashboard (GET /api/demand/summary?by=region and
 * GET /api/demand/outcomes, as the page asks for them) against a direct SQL count of the same database: open
 * positions, shortages, seekers, 求人倍率 in total and per city or county; fill rate, hires and events held.
 * `region` is a city or county code, or none for the province.
 */
export async function expectDashboardFiguresMatchCounts(admin: HttpClient, dataSource: DataSource, region?: string): Promise<void> {
  const prefix = region ? (region.endsWith('00') ? region.slice(0, 4) : region) : '';
  const count = async (sql: string): Promise<number> => Number((await dataSource.query(sql, [`${prefix}%`]))[0].n);
  const live = `status IN ('open', 'partially_filled') AND region_code LIKE $1`;

  const query = region ? `&region=${region}` : '';
  const summary = await admin.get(`/api/demand/summary?by=region${query}`);
  expect(summary.status).toBe(200);
  const openPositions = await count(`SELECT coalesce(sum(headcount - filled_headcount), 0) AS n FROM shortage WHERE ${live}`);
  const seekers = await count(`SELECT count(*) AS n FROM seeker WHERE region_code LIKE $1`);
  expect(summary.body.totals).toEqual({
    openPositions,
    shortages: await count(`SELECT count(*) AS n FROM shortage WHERE ${live}`),
    employers: await count(`SELECT count(DISTINCT employer_id) AS n FROM shortage WHERE ${live}`),
    medianMonthlyWage: summary.body.totals.medianMonthlyWage,
    seekers,
    demandSupplyRatio: ratioOf(openPositions, seekers),
  });

  // Per city or county: seekers wherever they are registered, open positions wherever there are any.
  const groups: Group[] = summary.body.groups;
  const seekersByRegion: { key: string; n: number }[] = await dataSource.query(
    `SELECT ${ROLLUP} AS key, count(*)::int AS n FROM seeker WHERE region_code LIKE $1 GROUP BY 1`,
    [`${prefix}%`],
  );
  const openByRegion: { key: string; n: number }[] = await dataSource.query(
    `SELECT ${ROLLUP} AS key, sum(headcount - filled_headcount)::int AS n FROM shortage WHERE ${live} GROUP BY 1`,
    [`${prefix}%`],
  );
  const expectedKeys = new Set([...seekersByRegion, ...openByRegion].map((row) => row.key));
  expect(groups.map((g) => g.key).sort()).toEqual([...expectedKeys].sort());
  for (const group of groups) {
    const groupSeekers = seekersByRegion.find((row) => row.key === group.key)?.n ?? 0;
    const groupOpen = openByRegion.find((row) => row.key === group.key)?.n ?? 0;
    expect({ key: group.key, openPositions: group.openPositions, seekers: group.seekers, ratio: group.demandSupplyRatio }).toEqual({
      key: group.key, openPositions: groupOpen, seekers: groupSeekers, ratio: ratioOf(groupOpen, groupSeekers),
    });
  }
  expect(groups.reduce((sum, g) => sum + (g.seekers ?? 0), 0)).toBe(seekers);
  expect(groups.reduce((sum, g) => sum + g.openPositions, 0)).toBe(openPositions);

  const outcomes = await admin.get(`/api/demand/outcomes${region ? `?region=${region}` : ''}`);
  expect(outcomes.status).toBe(200);
  const published = `published_at IS NOT NULL AND region_code LIKE $1`;
  const headcount = await count(`SELECT coalesce(sum(headcount), 0) AS n FROM shortage WHERE ${published} AND status <> 'expired'`);
  const filled = await count(`SELECT coalesce(sum(filled_headcount), 0) AS n FROM shortage WHERE ${published} AND status <> 'expired'`);
  expect(outcomes.body.fillRate).toEqual({
    shortages: await count(`SELECT count(*) AS n FROM shortage WHERE ${published} AND status <> 'expired'`),
    headcount,
    filledHeadcount: filled,
    rate: headcount ? Math.round((filled / headcount) * 10_000) / 10_000 : null,
    expired: await count(`SELECT count(*) AS n FROM shortage WHERE ${published} AND status = 'expired'`),
  });
  expect(outcomes.body.hires.total).toBe(
    await count(`SELECT count(*) AS n FROM application a JOIN shortage s ON s.id = a.shortage_id WHERE a.status = 'hired' AND s.region_code LIKE $1`),
  );
  expect(outcomes.body.events.held).toBe(
    await count(`SELECT count(*) AS n FROM recruitment_event e JOIN station st ON st.id = e.station_id WHERE e.status = 'completed' AND st.region_code LIKE $1`),
  );
}
