import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { IndexReconcilerService } from '@app/indexing';
import { SearchEngine } from '@app/search';
import { Factories, HttpClient, TestApp } from '@app/testing';
import { inDays, startWithPairedOfficer, untilIndexed } from './index-harness';

/** Generous: the CI machine is shared, and the outbox relay and matcher share it with the other test files. */
const TEST_TIMEOUT_MS = 120_000;
/** How long the index may take to follow a change here (the same reason). */
const INDEX_TIMEOUT_MS = 90_000;

/**
 * Issue 12, finding 4: a phone number in free text must not stall the index. The document is written without
 * the offending field (named in `redactedFields`), so it never goes stale and consent withdrawal always reaches
 * the index; reconciliation reports a record it cannot index and carries on with the rest.
 */
describe('a phone number in free text never stalls the search index', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let engine: SearchEngine;
  let officer: HttpClient;
  let dataSource: DataSource;
  let employerId: string;

  beforeAll(async () => {
    ({ t, http, factories, engine, officer, employerId } = await startWithPairedOfficer('海南椰风物业服务有限公司'));
    dataSource = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  it('an open shortage with a phone in its description is indexed without the description, and says so', async () => {
    const published = await officer.post('/api/shortages', {
      employerId, title: '物业保洁员（椰风小区）', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 2, wageMin: 3800, wageMax: 4500,
      workType: 'full_time', regionCode: '460106', address: '海口市龙华区', lat: 20.03, lng: 110.33, startDate: inDays(5), deadline: inDays(40),
      description: '负责小区公共区域保洁，包午餐。有意者请致电 138-1234-5678 王经理。', submit: true,
    });
    expect(published.status).toBe(201);
    expect(published.body.status).toBe('open');
    const id = published.body.id;

    await untilIndexed(async () => (await engine.get('shortages', id)) !== null, 'shortage indexed', INDEX_TIMEOUT_MS);
    const document = (await engine.get('shortages', id))!;
    expect(document.description).toBe('');
    expect(document.redactedFields).toEqual(['description']);
    expect(document.title).toBe('物业保洁员（椰风小区）');
    expect(findPersonalIdentifiers(JSON.stringify(document))).toEqual([]);

    const found = await http.get(`/api/jobs/search?q=${encodeURIComponent('椰风小区')}`);
    expect(found.status).toBe(200);
    expect(found.body.hits.map((hit: { id: string }) => hit.id)).toContain(id);
    expect(findPersonalIdentifiers(JSON.stringify(found.body))).toEqual([]);
  }, TEST_TIMEOUT_MS);

  it('a seeker who withdraws consent while her profile text holds a phone is no longer found by priority group', async () => {
    const registered = await http.post('/api/seekers/register', {
      name: '符海燕', residentId: makeResidentId('460106', '2001-07-09', 4), phone: '13976540001', regionCode: '460106', lat: 20.02, lng: 110.32,
      desiredOccupations: ['4-10-01-05'], skills: [{ name: '生活照料', level: 3 }], username: 'fu-haiyan', password: 'long-enough-pw',
      priorityGroups: [{ group: 'college_graduate', evidence: '海南大学 2025 届毕业证书' }], consentSensitiveMatching: true,
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id;
    const byGroup = async () => {
      const result = await officer.get('/api/seekers/search?priorityGroups=college_graduate&region=460106&limit=100');
      expect(result.status).toBe(200);
      return result.body.hits.map((hit: { id: string }) => hit.id) as string[];
    };
    await untilIndexed(async () => (await byGroup()).includes(id), 'seeker found by priority group', INDEX_TIMEOUT_MS);

    const seeker = await http.login('fu-haiyan', 'long-enough-pw');
    const edited = await seeker.request('PATCH', '/api/seekers/me', { languages: ['普通话', '微信13812345678'] });
    expect(edited.status).toBe(200);
    await untilIndexed(async () => ((await engine.get('seekers', id))?.redactedFields ?? []).includes('languages'), 'profile text redacted', INDEX_TIMEOUT_MS);
    const withdrawn = await seeker.request('PUT', '/api/seekers/me/consent', { consentSensitiveMatching: false });
    expect(withdrawn.status).toBe(200);

    await untilIndexed(async () => !(await byGroup()).includes(id), 'consent withdrawal reached the index', INDEX_TIMEOUT_MS);
    const document = (await engine.get('seekers', id))!;
    expect(document.priorityGroups).toEqual([]);
    expect(document.languages).toEqual(['普通话']);
    expect(findPersonalIdentifiers(JSON.stringify(document))).toEqual([]);
  }, TEST_TIMEOUT_MS);

  it('reconciliation over a set with a bad record reports it and finishes all the others', async () => {
    const reconciler = t.app.get(IndexReconcilerService);
    const plain = await factories.seeker({ name: '吴春兰' });
    const withPhone = await factories.seeker({ name: '陈丽娜', languages: ['普通话', '电话13912345678'] });
    const broken = await factories.seeker({ name: '黄晓梅' });
    await reconciler.rebuild('seekers');
    expect(await engine.get('seekers', broken.id)).not.toBeNull();
    // A record the document builder cannot read (skills should be a list), and two records not yet indexed.
    await dataSource.query(`UPDATE seeker SET skills = '{"broken": true}'::jsonb, updated_at = now() + interval '1 second' WHERE id = $1`, [broken.id]);
    await engine.delete('seekers', [plain.id, withPhone.id]);

    const report = await reconciler.reconcile('seekers');
    expect(report.failures.map((failure) => failure.id)).toEqual([broken.id]);
    expect(report).toMatchObject({ missing: 2, stale: 1 });
    expect(await engine.get('seekers', plain.id)).not.toBeNull();
    expect((await engine.get('seekers', withPhone.id))?.redactedFields).toEqual(['languages']);
    // The stale copy of the bad record is gone rather than left searchable.
    expect(await engine.get('seekers', broken.id)).toBeNull();
  }, TEST_TIMEOUT_MS);
});
