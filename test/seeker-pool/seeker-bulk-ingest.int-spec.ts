import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@app/crypto';
import { generateDataset } from '@app/demo-data';
import { ingestSeekers, SeekerIngestRow } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { createTestApp, TestApp } from '@app/testing';

function ingestRows(from: number, to: number): SeekerIngestRow[] {
  return [...generateDataset({ seed: 7, tier: 'S' }).seekers(from, to)].map((s) => ({
    name: s.name, residentId: s.residentId, phone: s.phone, regionCode: s.regionCode, address: s.address, lat: s.lat, lng: s.lng,
    travelRadiusKm: s.travelRadiusKm, desiredOccupations: s.desiredOccupations, skills: s.skills, certificates: s.certificates,
    skillLevel: s.skillLevel, education: s.education, experience: s.experience, wageExpectation: s.wageExpectation,
    availableFrom: s.availableFrom, workTypes: s.workTypes, languages: s.languages,
    priorityGroups: s.priorityGroups.map((claim) => ({ ...claim, verifiedBy: null })), consentSensitiveMatching: s.consentToSensitiveMatching,
  }));
}

describe('bulk seeker ingest', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([]);
  });
  afterAll(() => t.close());

  it('writes the valid rows encrypted with outbox rows, and reports each bad or duplicate row', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const rows = ingestRows(0, 300);
    rows[10].residentId = '460106199001010000';
    rows[20].regionCode = '999999';
    rows[30] = { ...rows[31] };
    const result = await dataSource.transaction((manager) => ingestSeekers(manager, rows, t.app.get(FieldCipher), Taxonomy.shared(), 100));
    expect(result.inserted).toBe(297);
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([[10, 'residentId'], [20, 'regionCode'], [31, 'residentId']]);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'seeker.changed'`))[0].n).toBe(297);
    expect(await dataSource.query(`SELECT 1 FROM seeker WHERE resident_id_encrypted LIKE '%${rows[0].residentId}%'`)).toHaveLength(0);

    const again = await dataSource.transaction((manager) => ingestSeekers(manager, rows.slice(0, 5), t.app.get(FieldCipher), Taxonomy.shared()));
    expect(again.inserted).toBe(0);
    expect(again.problems.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
  });
});
