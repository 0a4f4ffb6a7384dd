import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { buildShortageTemplate, SHORTAGE_HEADERS, SHORTAGE_SHEET } from '@app/employer-demand';
import { shanghaiDate } from '@app/clock';
import { makeResidentId } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

const inDays = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SEAT_XIUYING = Taxonomy.shared().region('460105')!.center!;
const SEAT_LINGSHUI = Taxonomy.shared().region('469028')!.center!;
const SEAT_HAIKOU = Taxonomy.shared().region('460100')!.center!;

interface StoredLocation {
  lat: number | null;
  lng: number | null;
  location_precision: string | null;
}

/** Every door that writes a shortage or a seeker sets its location (WGS-84) with a precision. */
describe('location on every write path', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let officer: HttpClient;
  let employerId: string;
  let creditCode: string;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES, { LOG_LEVEL: 'error' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    const officerUser = await factories.user('officer', { regionCode: '460100' });
    const employer = await factories.employer();
    employerId = employer.id;
    creditCode = employer.creditCode;
    await factories.pairing(officerUser.id, employerId);
    officer = await http.login(officerUser.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const stored = async (table: 'shortage' | 'seeker', id: string): Promise<StoredLocation> => {
    const [row] = await dataSource.query(`SELECT lat, lng, location_precision FROM ${table} WHERE id = $1`, [id]);
    return row;
  };

  const posting = (overrides: Record<string, unknown> = {}) => ({
    employerId, title: '中式烹调师', occupationCode: '4-03-02-01', industryCode: '6210', headcount: 2, wageMin: 4500, wageMax: 6500,
    workType: 'full_time', regionCode: '460105', address: '海口市秀英区长流镇长德大道 8 号', startDate: inDays(7), deadline: inDays(60),
    description: '负责中式热菜制作，按规定缴纳社会保险，包工作餐。',
    ...overrides,
  });

  describe('shortage form and API', () => {
    it('an address without coordinates is geocoded; the precision says how well', async () => {
      const created = await officer.post('/api/shortages', posting());
      expect(created.status).toBe(201);
      expect(created.body.locationPrecision).toBe('district');
      expect(await stored('shortage', created.body.id)).toEqual({ lat: SEAT_XIUYING.lat, lng: SEAT_XIUYING.lng, location_precision: 'district' });
    });

    it('given coordinates are a point', async () => {
      const created = await officer.post('/api/shortages', posting({ lat: 19.99, lng: 110.21 }));
      expect(await stored('shortage', created.body.id)).toEqual({ lat: 19.99, lng: 110.21, location_precision: 'point' });
    });

    it('an address that names nothing still gets the region’s point; a picked township wins over the address', async () => {
      const vague = await officer.post('/api/shortages', posting({ regionCode: '469028', address: '工业园区 3 号楼' }));
      expect(await stored('shortage', vague.body.id)).toEqual({ lat: SEAT_LINGSHUI.lat, lng: SEAT_LINGSHUI.lng, location_precision: 'district' });
      const city = await officer.post('/api/shortages', posting({ regionCode: '460100', address: '某某路 1 号' }));
      expect(await stored('shortage', city.body.id)).toEqual({ lat: SEAT_HAIKOU.lat, lng: SEAT_HAIKOU.lng, location_precision: 'city' });
      const picked = await officer.post('/api/shortages', posting({ regionCode: '460100', address: '某某路 1 号', townshipCode: '460105100' }));
      expect(await stored('shortage', picked.body.id)).toMatchObject({ lat: SEAT_XIUYING.lat, location_precision: 'district' });
    });

    it('editing the address re-locates; sending the same coordinates back keeps the precision; new coordinates are a point', async () => {
      const created = await officer.post('/api/shortages', posting({ regionCode: '460100', address: '某某路 1 号' }));
      expect((await stored('shortage', created.body.id)).location_precision).toBe('city');
      await officer.patch(`/api/shortages/${created.body.id}`, { address: '海口市秀英区长流镇 9 号' });
      const moved = await stored('shortage', created.body.id);
      expect(moved).toEqual({ lat: SEAT_XIUYING.lat, lng: SEAT_XIUYING.lng, location_precision: 'district' });
      await officer.patch(`/api/shortages/${created.body.id}`, { lat: moved.lat, lng: moved.lng, title: '中式烹调师（热菜）' });
      expect((await stored('shortage', created.body.id)).location_precision).toBe('district');
      await officer.patch(`/api/shortages/${created.body.id}`, { lat: 20.0, lng: 110.2 });
      expect(await stored('shortage', created.body.id)).toEqual({ lat: 20.0, lng: 110.2, location_precision: 'point' });
    });

    it('the geocode endpoint previews what a save will store, and lists townships to pick', async () => {
      const preview = await officer.get(`/api/geocode?address=${encodeURIComponent('海口市秀英区长流镇长德大道')}&regionCode=460105`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        precision: 'district', basis: 'address', label: '海口市秀英区长流镇', townshipCode: '460105100', message: '定位到：海口市秀英区长流镇（区县级）',
      });
      const bad = await officer.get('/api/geocode?regionCode=110101');
      expect(bad.status).toBe(400);
      expect((await http.get('/api/geocode?address=x')).status).toBe(401);
      const townships = await http.get('/api/geocode/townships?regionCode=460105');
      expect(townships.body.items.map((i: { name: string }) => i.name)).toContain('长流镇');
    });
  });

  describe('Excel import', () => {
    async function workbookOf(rows: Record<string, string | number>[]): Promise<Buffer> {
      const workbook = buildShortageTemplate();
      const sheet = workbook.getWorksheet(SHORTAGE_SHEET)!;
      for (const row of rows) sheet.addRow(SHORTAGE_HEADERS.map((header) => row[header] ?? null));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }
    const row = (ref: string, extra: Record<string, string | number>) => ({
      需求编号: ref, 统一社会信用代码: creditCode, 岗位名称: '中式烹调师', 职业编码: '4-03-02-01', 行业编码: '6210', 招聘人数: 2,
      '工资下限（元/月）': 4500, '工资上限（元/月）': 6500, 用工形式: '全职', 工作地区编码: '460105 秀英区', 到岗日期: inDays(10), 截止日期: inDays(60),
      岗位描述: '负责中式热菜制作，按规定缴纳社会保险，包工作餐。', ...extra,
    });

    it('rows without latitude/longitude are geocoded and the report says how precisely each row was located', async () => {
      const file = await workbookOf([
        row('GEO-1', { 工作地点: '海口市秀英区长流镇长德大道 8 号' }),
        row('GEO-2', { 工作地点: '海口市秀英区某某路 1 号', 纬度: 20.01, 经度: 110.25 }),
        row('GEO-3', { 工作地点: '秀英区 3 号楼', 纬度: 20.01 }),
      ]);
      const boundary = `----pes${randomBytes(8).toString('hex')}`;
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`;
      const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const response = await officer.request('POST', '/api/shortages/import', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 2, failed: 1 });
      expect(response.body.errors[0]).toMatchObject({ row: 4, message: expect.stringContaining('经度和纬度需同时填写') });
      expect(response.body.locations).toEqual([
        { row: 2, precision: 'district', basis: 'address', message: '定位到：海口市秀英区长流镇（区县级）' },
        { row: 3, precision: 'point', basis: 'given', message: '定位到：填写的经纬度（精确位置）' },
      ]);
      const rows = await dataSource.query(
        `SELECT external_ref, lat, lng, location_precision FROM shortage WHERE external_ref LIKE 'GEO-%' ORDER BY external_ref`,
      );
      expect(rows).toEqual([
        { external_ref: 'GEO-1', lat: SEAT_XIUYING.lat, lng: SEAT_XIUYING.lng, location_precision: 'district' },
        { external_ref: 'GEO-2', lat: 20.01, lng: 110.25, location_precision: 'point' },
      ]);
    });
  });

  describe('seekers', () => {
    let sequence = 300;
    const profile = (overrides: Record<string, unknown> = {}) => ({
      name: '陈小明', residentId: makeResidentId('460105', '1992-03-08', sequence++), regionCode: '460105', desiredOccupations: ['4-03-02-01'],
      ...overrides,
    });

    it('self-registration with a home township and no coordinates is located; the profile edit moves it', async () => {
      const username = `geo-seeker-${sequence}`;
      const registered = await http.post('/api/seekers/register', {
        ...profile({ regionCode: '469028', townshipCode: '469028103' }), username, password: 'long-enough-pw',
      });
      expect(registered.status).toBe(201);
      expect(await stored('seeker', registered.body.id)).toEqual({ lat: SEAT_LINGSHUI.lat, lng: SEAT_LINGSHUI.lng, location_precision: 'district' });

      const client = await http.login(username, 'long-enough-pw');
      const moved = await client.patch('/api/seekers/me', { regionCode: '460105', address: '海口市秀英区长流镇' });
      expect(moved.status).toBe(200);
      expect(moved.body.locationPrecision).toBe('district');
      expect(await stored('seeker', registered.body.id)).toEqual({ lat: SEAT_XIUYING.lat, lng: SEAT_XIUYING.lng, location_precision: 'district' });
      await client.patch('/api/seekers/me', { lat: 20.02, lng: 110.22 });
      expect(await stored('seeker', registered.body.id)).toEqual({ lat: 20.02, lng: 110.22, location_precision: 'point' });
    });

    it('self-registration with only a region still gets the region’s point', async () => {
      const registered = await http.post('/api/seekers/register', { ...profile({ regionCode: '460100' }), username: `geo-r-${sequence}`, password: 'long-enough-pw' });
      expect(await stored('seeker', registered.body.id)).toEqual({ lat: SEAT_HAIKOU.lat, lng: SEAT_HAIKOU.lng, location_precision: 'city' });
    });

    it('a walk-in registered by station staff at an event is located from the address they give', async () => {
      const staff = await http.login((await factories.user('station_staff')).username, TEST_PASSWORD);
      const walkIn = await staff.post('/api/seekers', profile({ regionCode: '460100', address: '秀英区长流镇' }));
      expect(walkIn.status).toBe(201);
      expect(await stored('seeker', walkIn.body.id)).toEqual({ lat: SEAT_XIUYING.lat, lng: SEAT_XIUYING.lng, location_precision: 'district' });
      const withPoint = await staff.post('/api/seekers', profile({ lat: 19.5, lng: 109.6 }));
      expect(await stored('seeker', withPoint.body.id)).toEqual({ lat: 19.5, lng: 109.6, location_precision: 'point' });
    });
  });
});
