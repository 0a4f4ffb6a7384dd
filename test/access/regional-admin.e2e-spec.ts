import { makeCreditCode } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * Issue 12, finding 3: a regional administrator (三亚, 460200) stays inside their region (security.md) for accounts,
 * the audit log, workload, stations, enterprises and report figures, and cannot start province-wide work. The
 * rules live in libs/auth/src/scope.policy.ts (adminRegion, mayAssignRegion, userScope).
 */
describe('a regional administrator stays in their region', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let province: HttpClient;
  let provinceId: string;
  let sanya: HttpClient;
  let sanyaId: string;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    const provinceUser = await factories.user('admin');
    provinceId = provinceUser.id;
    province = await http.login(provinceUser.username, TEST_PASSWORD);
    const sanyaUser = await factories.user('admin', { regionCode: '460200' });
    sanyaId = sanyaUser.id;
    sanya = await http.login(sanyaUser.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const account = (role: string, regionCode?: string, extra: Record<string, unknown> = {}) => ({
    username: `${role.replace('_', '-')}-${Math.random().toString(36).slice(2, 10)}`, password: 'long-enough-pw', role, displayName: '测试账号', ...(regionCode ? { regionCode } : {}), ...extra,
  });

  it('creates accounts only inside its region: no admin without a region, none in 海口', async () => {
    const noRegion = await sanya.post('/api/users', account('admin'));
    expect(noRegion.status).toBe(403);
    expect(noRegion.body).toEqual({ statusCode: 403, code: 'REGION_OUT_OF_SCOPE', message: '您只能管理本辖区（460200）内的账号和记录，不能设为“—”' });
    expect((await sanya.post('/api/users', account('officer', '460100'))).status).toBe(403);
    expect((await sanya.post('/api/users', account('admin', '460000'))).status).toBe(403);
    const district = await sanya.post('/api/users', account('officer', '460203'));
    expect(district.status).toBe(201);
    expect((await sanya.post('/api/users', account('station_staff', '460200'))).status).toBe(201);

    // Employer accounts: for an enterprise of the region; another region's enterprise answers 404.
    const haikouEmployer = await factories.employer({ regionCode: '460106' });
    const sanyaEmployer = await factories.employer({ regionCode: '460203' });
    expect((await sanya.post('/api/users', account('employer', undefined, { employerId: haikouEmployer.id }))).status).toBe(404);
    expect((await sanya.post('/api/users', account('employer', undefined, { employerId: sanyaEmployer.id }))).status).toBe(201);

    // The province administrator is not limited.
    expect((await province.post('/api/users', account('admin'))).status).toBe(201);
  });

  it('cannot widen its own region, move accounts out, or touch accounts of other regions (404), the province admin included', async () => {
    const toNull = await sanya.patch(`/api/users/${sanyaId}`, { regionCode: null });
    expect(toNull.status).toBe(403);
    expect(toNull.body.code).toBe('REGION_OUT_OF_SCOPE');
    expect((await sanya.patch(`/api/users/${sanyaId}`, { regionCode: '460000' })).status).toBe(403);
    expect((await sanya.patch(`/api/users/${sanyaId}`, { regionCode: '460100' })).status).toBe(403);
    expect((await sanya.get('/api/auth/me')).body.regionCode).toBe('460200');

    const disableProvince = await sanya.patch(`/api/users/${provinceId}`, { disabled: true });
    expect(disableProvince.status).toBe(404);
    expect((await province.get('/api/auth/me')).status).toBe(200);

    const haikouOfficer = await factories.user('officer', { regionCode: '460100' });
    expect((await sanya.patch(`/api/users/${haikouOfficer.id}`, { displayName: '改名' })).status).toBe(404);
    const sanyaOfficer = await factories.user('officer', { regionCode: '460203' });
    expect((await sanya.patch(`/api/users/${sanyaOfficer.id}`, { displayName: '符海燕' })).body.displayName).toBe('符海燕');
    expect((await sanya.patch(`/api/users/${sanyaOfficer.id}`, { regionCode: '460100' })).status).toBe(403);
  });

  it('lists the accounts of its region only (a city covers its districts; employer and seeker accounts by their record)', async () => {
    const district = await factories.user('officer', { regionCode: '460203', username: 'list-sanya-district' });
    await factories.user('officer', { regionCode: '460106', username: 'list-haikou-district' });
    const employerUser = await factories.user('employer', { employerId: (await factories.employer({ regionCode: '460204' })).id, username: 'list-sanya-employer' });
    await factories.user('employer', { employerId: (await factories.employer({ regionCode: '460105' })).id, username: 'list-haikou-employer' });
    const seekerUser = await factories.user('seeker', { seekerId: (await factories.seeker({ regionCode: '460202' })).id, username: 'list-sanya-seeker' });

    const listed = await sanya.get('/api/users?limit=100&q=list-');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((u: { id: string }) => u.id).sort()).toEqual([district.id, employerUser.id, seekerUser.id].sort());
    const all = await sanya.get('/api/users?limit=100');
    expect(all.body.items.map((u: { id: string }) => u.id)).not.toContain(provinceId);
    expect((await province.get('/api/users?limit=100&q=list-')).body.total).toBe(5);
  });

  it('reads the audit rows of its region’s accounts, not the province’s', async () => {
    await province.patch(`/api/users/${provinceId}`, { displayName: '省级管理员' });
    const sanyaOfficer = await factories.user('officer', { regionCode: '460203' });
    await sanya.patch(`/api/users/${sanyaOfficer.id}`, { displayName: '三亚专员' });

    const rows = await sanya.get('/api/audit-log?limit=100');
    expect(rows.status).toBe(200);
    const users = new Set(rows.body.items.map((row: { userId: string | null }) => row.userId));
    expect(users.has(sanyaId)).toBe(true);
    expect(users.has(provinceId)).toBe(false);
    expect(users.has(null)).toBe(false);
    expect((await sanya.get(`/api/audit-log?userId=${provinceId}`)).body.total).toBe(0);
    expect((await province.get(`/api/audit-log?userId=${provinceId}`)).body.total).toBeGreaterThan(0);
  });

  it('reads the workload of its region’s officers only', async () => {
    const haikouOfficer = await factories.user('officer', { regionCode: '460100' });
    const sanyaOfficer = await factories.user('officer', { regionCode: '460200' });
    expect((await sanya.get(`/api/pairings/workload?officerId=${haikouOfficer.id}`)).status).toBe(404);
    expect((await sanya.get(`/api/pairings/workload?officerId=${sanyaOfficer.id}`)).status).toBe(200);
    expect((await province.get(`/api/pairings/workload?officerId=${haikouOfficer.id}`)).status).toBe(200);
    // Pairing an officer of another region is refused too.
    const employer = await factories.employer({ regionCode: '460203' });
    expect((await sanya.post('/api/pairings', { officerId: haikouOfficer.id, employerId: employer.id })).status).toBe(400);
    expect((await sanya.post('/api/pairings', { officerId: sanyaOfficer.id, employerId: employer.id })).status).toBe(201);
  });

  it('cannot start a province-wide re-match or event planning; the province administrator can', async () => {
    const refused = await sanya.post('/api/matching/runs');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'PROVINCE_ADMIN_ONLY', message: '该操作涉及全省，仅限省级管理员执行' });
    expect((await sanya.post('/api/events/plan')).status).toBe(403);
    expect((await province.post('/api/matching/runs')).status).toBe(202);
  });

  it('registers stations and enterprises in its region only, and reads its region’s outcome figures', async () => {
    const station = (regionCode: string) => ({
      name: '就业驿站', type: 'employment_station', regionCode, address: '三亚市吉阳区', lat: 18.25, lng: 109.51, capacity: 50, booths: 5, openingHours: '周一至周五',
    });
    expect((await sanya.post('/api/stations', station('460106'))).status).toBe(403);
    const own = await sanya.post('/api/stations', station('460203'));
    expect(own.status).toBe(201);
    expect((await sanya.patch(`/api/stations/${own.body.id}`, { regionCode: '460106' })).status).toBe(400); // a station keeps its region
    const haikouStation = await province.post('/api/stations', station('460106'));
    expect((await sanya.get(`/api/stations/${haikouStation.body.id}`)).status).toBe(404);
    const haikouStaff = await factories.user('station_staff', { regionCode: '460100' });
    expect((await sanya.post(`/api/stations/${own.body.id}/staff`, { userId: haikouStaff.id })).status).toBe(400);

    const employer = (regionCode: string, n: number) => ({
      name: `三亚测试企业${n}有限公司`, creditCode: makeCreditCode(`91460200MA${String(n).padStart(7, '0')}`), industryCode: '8514', sizeClass: 'small', ownership: 'private', regionCode, address: '三亚市吉阳区',
    });
    const foreign = await sanya.post('/api/employers', employer('460106', 1));
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('REGION_OUT_OF_SCOPE');

    expect((await sanya.get('/api/demand/outcomes?region=460100')).status).toBe(403);
    expect((await sanya.get('/api/demand/outcomes')).body.region).toBe('460200');
    expect((await sanya.get('/api/demand/outcomes?region=460203')).body.region).toBe('460203');
    expect((await province.get('/api/demand/outcomes')).body.region).toBeNull();
  });
});

