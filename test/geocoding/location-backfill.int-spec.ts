import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Shortage } from '@app/employer-demand';
import { LocationBackfillService } from '@app/geocoding';
import { Taxonomy } from '@app/taxonomy';
import { createTestApp, Factories, TestApp } from '@app/testing';
import { GeoBackfillCommand } from '../../apps/cli/src/commands/geo-backfill.command';

describe('geo:backfill locates existing rows without a location', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let factories: Factories;

  beforeAll(async () => {
    t = await createTestApp([], { LOG_LEVEL: 'error' });
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
  });
  afterAll(() => t.close());

  it('geocodes addresses, makes bare coordinates points, reports progress and records outbox rows; a re-run finds nothing', async () => {
    const employer = await factories.employer();
    const base = {
      employerId: employer.id, title: '中式烹调师', occupationCode: '4-03-02-01', industryCode: '6210', headcount: 1, wageMin: 4000, wageMax: 5000,
      workType: 'full_time' as const, startDate: '2026-12-01', deadline: '2099-12-31', description: '热菜', status: 'open' as const,
    };
    const repo = dataSource.getRepository(Shortage);
    const rows = await repo.save([
      { ...base, regionCode: '460105', address: '海口市秀英区长流镇长德大道' },
      { ...base, regionCode: '469028', address: '某工业园' },
      { ...base, regionCode: '460106', address: '海口市龙华区', lat: 20.02, lng: 110.33 },
      ...Array.from({ length: 7 }, (_, i) => ({ ...base, regionCode: '460100', address: `某某路 ${i} 号` })),
    ]);
    const seats = (code: string) => Taxonomy.shared().region(code)!.center!;

    const progress: [number, number][] = [];
    const report = await t.app.get(LocationBackfillService).backfill('shortage', (done, total) => progress.push([done, total]), 4);
    expect(report).toEqual({ table: 'shortage', total: 10, located: 10, unlocated: 0, byPrecision: { point: 1, township: 0, district: 2, city: 7 } });
    expect(progress).toEqual([[0, 10], [4, 10], [8, 10], [10, 10]]);

    const stored = async (id: string) => (await dataSource.query(`SELECT lat, lng, location_precision FROM shortage WHERE id = $1`, [id]))[0];
    expect(await stored(rows[0].id)).toEqual({ lat: seats('460105').lat, lng: seats('460105').lng, location_precision: 'district' });
    expect(await stored(rows[1].id)).toEqual({ lat: seats('469028').lat, lng: seats('469028').lng, location_precision: 'district' });
    expect(await stored(rows[2].id)).toEqual({ lat: 20.02, lng: 110.33, location_precision: 'point' });
    expect(await stored(rows[3].id)).toMatchObject({ location_precision: 'city' });
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_event WHERE topic = 'shortage.changed' AND aggregate_id = ANY($1)`,
      [rows.map((r) => r.id)],
    );
    expect(count).toBe(10);

    expect((await t.app.get(LocationBackfillService).backfill('shortage')).total).toBe(0);
  });

  it('the CLI command refuses an unknown table and backfills seekers, printing its progress', async () => {
    const seeker = await factories.seeker({ regionCode: '469028', address: '陵水县英州镇', lat: null, lng: null, locationPrecision: null });
    const command = new GeoBackfillCommand(t.app.get(LocationBackfillService));
    await expect(command.run(['employers'])).rejects.toThrow(/unknown table/);
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    const log = jest.spyOn(console, 'log').mockImplementation((line) => void printed.push(String(line)));
    try {
      await command.run(['seeker']);
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
    expect(printed.join('')).toMatch(/seeker: 1\/1 \(100%\)/);
    expect(printed.join('')).toMatch(/seeker: 1 of 1 located \(point 0, township 0, district 1, city 0\)/);
    const [row] = await dataSource.query(`SELECT location_precision FROM seeker WHERE id = $1`, [seeker.id]);
    expect(row.location_precision).toBe('district');
  });
});
