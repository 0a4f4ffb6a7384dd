import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocationBackfillService } from '@app/geocoding';
import { makeCreditCode } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

const seat = (code: string) => Taxonomy.shared().region(code)!.center!;

/**
 * Issue 13 ("whatever a user creates through any door ... must take part in matching, search by distance and event
 * planning"): stations (where events are planned, by distance) and employers may be registered through the API with
 * an address only; the write path places them with the LocationResolver, as for shortages and seekers, and says how
 * precisely. Given coordinates are a point and stay one when the address is edited; a geocoded place follows an
 * edited address. Rows written before (no coordinates or no precision) are located by `geo:backfill`.
 */
describe('stations and employers written without coordinates are located', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let factories: Factories;
  let admin: HttpClient;
  let officer: HttpClient;

  const station = (fields: Record<string, unknown> = {}) => ({
    name: '长流镇就业驿站', type: 'employment_station', regionCode: '460105', address: '海口市秀英区长流镇长德大道 8 号', capacity: 200, booths: 20, ...fields,
  });
  let n = 0;
  const employer = (fields: Record<string, unknown> = {}) => ({
    name: `海南定位测试${++n}有限公司`, creditCode: makeCreditCode(`9146010800${String(4200 + n).padStart(7, '0')}`), industryCode: '8514',
    sizeClass: 'small', ownership: 'private', regionCode: '469028', address: '陵水黎族自治县英州镇清水湾大道 1 号', ...fields,
  });
  const stored = async (table: 'station' | 'employer', id: string) =>
    (await dataSource.query(`SELECT lat, lng, location_precision FROM ${table} WHERE id = $1`, [id]))[0] as { lat: number | null; lng: number | null; location_precision: string | null };

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES, { LOG_LEVEL: 'error' });
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
    const http = new HttpClient(t.app);
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    officer = await http.login((await factories.user('officer', { regionCode: '460100' })).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('a station registered with an address only is placed from it (township named: its county’s point, 区县 precision)', async () => {
    const created = await admin.post('/api/stations', station());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ lat: seat('460105').lat, lng: seat('460105').lng, locationPrecision: 'district' });
    expect(await stored('station', created.body.id)).toEqual({ lat: seat('460105').lat, lng: seat('460105').lng, location_precision: 'district' });

    // A new address (a station's region is fixed once registered) is placed again; a rename leaves the place alone.
    const moved = await admin.patch(`/api/stations/${created.body.id}`, { address: '海口市秀英区西秀镇长秀大道 2 号' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ lat: seat('460105').lat, lng: seat('460105').lng, locationPrecision: 'district' });
    const renamed = await admin.patch(`/api/stations/${created.body.id}`, { name: '西秀镇就业驿站' });
    expect(renamed.body).toMatchObject({ lat: seat('460105').lat, locationPrecision: 'district' });
  });

  it('a station with coordinates is a point, and stays one when only its address text is corrected', async () => {
    const created = await admin.post('/api/stations', station({ lat: 19.98, lng: 110.25 }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ lat: 19.98, lng: 110.25, locationPrecision: 'point' });
    const corrected = await admin.patch(`/api/stations/${created.body.id}`, { address: '海口市秀英区长流镇长德大道 10 号' });
    expect(corrected.body).toMatchObject({ lat: 19.98, lng: 110.25, locationPrecision: 'point' });
    const pinned = await admin.patch(`/api/stations/${created.body.id}`, { lat: 19.99, lng: 110.26 });
    expect(pinned.body).toMatchObject({ lat: 19.99, lng: 110.26, locationPrecision: 'point' });
  });

  it('an employer registered through the API with an address only is placed from it; with coordinates it is a point', async () => {
    const located = await officer.post('/api/employers', employer());
    expect(located.status).toBe(201);
    expect(located.body).toMatchObject({ lat: seat('469028').lat, lng: seat('469028').lng, locationPrecision: 'district' });
    expect(await stored('employer', located.body.id)).toMatchObject({ location_precision: 'district' });

    // An address that names nothing more precise than its region: the region's point.
    const vague = await officer.post('/api/employers', employer({ regionCode: '460106', address: '某某大厦 12 楼' }));
    expect(vague.body).toMatchObject({ lat: seat('460106').lat, lng: seat('460106').lng, locationPrecision: 'district' });

    const pinned = await officer.post('/api/employers', employer({ lat: 18.5, lng: 110.03 }));
    expect(pinned.body).toMatchObject({ lat: 18.5, lng: 110.03, locationPrecision: 'point' });

    // The officer moves the geocoded one: it follows; the pinned one keeps its point.
    const moved = await officer.patch(`/api/employers/${located.body.id}`, { regionCode: '469002', address: '琼海市嘉积镇金海路 88 号' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ lat: seat('469002').lat, lng: seat('469002').lng, locationPrecision: 'district' });
    const kept = await officer.patch(`/api/employers/${pinned.body.id}`, { address: '陵水黎族自治县英州镇清水湾大道 3 号' });
    expect(kept.body).toMatchObject({ lat: 18.5, lng: 110.03, locationPrecision: 'point' });
  });

  it('geo:backfill locates employers and stations written before (no coordinates, or coordinates without a precision)', async () => {
    const old = await factories.employer({ regionCode: '469005', address: '文昌市文城镇文东路 5 号', lat: null, lng: null });
    const [{ id: stationId }] = await dataSource.query(
      `INSERT INTO station (name, type, region_code, address, lat, lng, capacity, booths) VALUES ('老驿站', 'employment_station', '469005', '文昌市文城镇', 19.6, 110.8, 50, 5) RETURNING id`,
    );
    const backfill = t.app.get(LocationBackfillService);
    expect((await backfill.backfill('employer')).located).toBeGreaterThanOrEqual(1);
    expect(await stored('employer', old.id)).toEqual({ lat: seat('469005').lat, lng: seat('469005').lng, location_precision: 'district' });
    expect((await backfill.backfill('station')).located).toBeGreaterThanOrEqual(1);
    expect(await stored('station', stationId)).toEqual({ lat: 19.6, lng: 110.8, location_precision: 'point' });
    expect((await backfill.backfill('employer')).total).toBe(0);
    expect((await backfill.backfill('station')).total).toBe(0);
  });
});
