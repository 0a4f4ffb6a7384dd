import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { IndexReconcilerService } from '@app/indexing';
import { SearchEngine } from '@app/search';
import { Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { inDays, startWithPairedOfficer, untilIndexed } from './index-harness';

describe('search index follows PostgreSQL through the outbox', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let engine: SearchEngine;
  let officer: HttpClient;
  let employerId: string;

  beforeAll(async () => {
    ({ t, http, factories, engine, officer, employerId } = await startWithPairedOfficer('海南康养护理服务有限公司'));
  });
  afterAll(() => t.close());

  it('a registered seeker becomes searchable by officers, without ID number or phone; deleting removes the document', async () => {
    const residentId = makeResidentId('460106', '1990-02-03', 7);
    const registered = await http.post('/api/seekers/register', {
      name: '林秀梅', residentId, phone: '13976543210', regionCode: '460106', lat: 20.02, lng: 110.32, desiredOccupations: ['4-10-01-05'],
      skills: [{ name: '生活照料', level: 3 }], username: 'lin-xiumei', password: 'long-enough-pw',
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id;
    await untilIndexed(async () => (await engine.get('seekers', id)) !== null, 'seeker indexed');
    const document = await engine.get('seekers', id);
    expect(findPersonalIdentifiers(JSON.stringify(document))).toEqual([]);

    const found = await officer.get('/api/seekers/search?q=护理员&facets=region,occupationFamily');
    expect(found.status).toBe(200);
    expect(found.body.hits.map((hit: { id: string }) => hit.id)).toContain(id);
    expect(found.body.facets.region['460106']).toBeGreaterThanOrEqual(1);
    expect(findPersonalIdentifiers(JSON.stringify(found.body))).toEqual([]);

    const seeker = await http.login('lin-xiumei', 'long-enough-pw');
    await seeker.request('DELETE', '/api/seekers/me');
    await untilIndexed(async () => (await engine.get('seekers', id)) === null, 'seeker removed');
  });

  it('a published shortage is found by job search with distance and skill fit; closing it removes it', async () => {
    const published = await officer.post('/api/shortages', {
      employerId, title: '养老护理员（白班）', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 3, wageMin: 4500, wageMax: 6000,
      workType: 'full_time', regionCode: '460106', address: '海口市龙华区', lat: 20.03, lng: 110.33, startDate: inDays(5), deadline: inDays(40),
      requiredSkills: [{ name: '生活照料', level: 2 }, { name: '失智照护', level: 2 }], requiredCertificates: ['SKL-4-10-01-05'],
      description: '负责老人生活照料和基础护理，包食宿。', submit: true,
    });
    expect(published.body.status).toBe('open');
    const id = published.body.id;
    await untilIndexed(async () => (await engine.get('shortages', id)) !== null, 'shortage indexed');

    const seekerUser = await factories.user('seeker', {
      seekerId: (await factories.seeker({ lat: 20.0, lng: 110.3, skills: [{ name: '生活照料', level: 3 }] })).id,
    });
    const seeker = await http.login(seekerUser.username, TEST_PASSWORD);
    const results = await seeker.get('/api/jobs/search?q=养老护理员&radiusKm=30&sort=distance');
    const hit = results.body.hits.find((h: { id: string }) => h.id === id);
    expect(hit.distanceKm).toBeGreaterThan(0);
    expect(hit.distanceKm).toBeLessThan(10);
    expect(hit.fit).toEqual({ matched: ['生活照料'], missing: ['失智照护'], missingCertificates: ['SKL-4-10-01-05'] });
    expect(hit.document.employerName).toBe('海南康养护理服务有限公司');

    const anonymous = await http.get('/api/jobs/search?occupation=4-10&region=460100');
    expect(anonymous.body.hits.map((h: { id: string }) => h.id)).toContain(id);

    await officer.post(`/api/shortages/${id}/close`, { reason: '已招满' });
    await untilIndexed(async () => (await engine.get('shortages', id)) === null, 'shortage removed');
  });

  it('reconciliation repairs missing, stale and orphan documents', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const kept = await factories.seeker();
    const lost = await factories.seeker();
    const reconciler = t.app.get(IndexReconcilerService);
    await reconciler.rebuild('seekers');
    await engine.delete('seekers', [lost.id]);
    await dataSource.query(`UPDATE seeker SET name = '改过的名字', updated_at = now() + interval '1 second' WHERE id = $1`, [kept.id]);
    const orphan = { ...(await engine.get('seekers', kept.id))!, id: '00000000-0000-4000-8000-00000000dead' };
    await engine.upsert('seekers', [orphan]);

    const report = await reconciler.reconcile('seekers');
    expect(report).toMatchObject({ missing: 1, stale: 1, orphans: 1 });
    expect((await engine.get('seekers', kept.id))?.name).toBe('改过的名字');
    expect(await engine.get('seekers', lost.id)).not.toBeNull();
    expect(await engine.get('seekers', orphan.id)).toBeNull();
    expect(await reconciler.reconcile('seekers')).toMatchObject({ missing: 0, stale: 0, orphans: 0 });
  });
});
