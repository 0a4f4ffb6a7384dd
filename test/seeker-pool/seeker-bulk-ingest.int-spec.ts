import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@app/crypto';
import { generateDataset } from '@app/demo-data';
import { ingestSeekers, Seeker, SeekerIngestRow } from '@app/seeker-pool';
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
  let dataSource: DataSource;
  let cipher: FieldCipher;
  const count = async (table: 'seeker' | 'outbox_event') => (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp([]);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    cipher = t.app.get(FieldCipher);
  });
  beforeEach(() => dataSource.query('TRUNCATE seeker, outbox_event CASCADE'));
  afterAll(() => t.close());

  it('writes the valid rows encrypted with outbox rows, and reports each bad or duplicate row', async () => {
    const rows = ingestRows(0, 300);
    rows[10].residentId = '460106199001010000';
    rows[20].regionCode = '999999';
    rows[30] = { ...rows[31] };
    const result = await dataSource.transaction((manager) => ingestSeekers(manager, rows, cipher, Taxonomy.shared(), 100));
    expect(result.inserted).toBe(297);
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([[10, 'residentId'], [20, 'regionCode'], [31, 'residentId']]);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'seeker.changed'`))[0].n).toBe(297);
    expect(await dataSource.query(`SELECT 1 FROM seeker WHERE resident_id_encrypted LIKE '%${rows[0].residentId}%'`)).toHaveLength(0);

    const again = await dataSource.transaction((manager) => ingestSeekers(manager, rows.slice(0, 5), cipher, Taxonomy.shared()));
    expect(again.inserted).toBe(0);
    expect(again.problems.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stores every field as given, through COPY escaping, with the ID number and phone only encrypted and blind-indexed', async () => {
    const [row, bare] = ingestRows(300, 302);
    const tricky: SeekerIngestRow = {
      ...row,
      name: '王\t小\\明\n"二"',
      address: '\\N 海口市\r\n龙华区 {a,b} "x"',
      lat: 19.123456789012, lng: -0.000001,
      workTypes: ['full_time', 'a "quoted", {braced} \\ item', 'NULL', ''],
      languages: ['普通话', '海南话\tTab'],
      skills: [{ name: '护理\\照护\n"夜班"', level: 5 }],
      experience: [{ occupationCode: row.desiredOccupations[0], years: 2.5 }],
      priorityGroups: [{ group: 'veteran', evidence: '退役证\\号 "A1"', verifiedBy: null }],
    };
    const nulls: SeekerIngestRow = { ...bare, phone: null, lat: null, lng: null, skillLevel: null, education: null, wageExpectation: null, availableFrom: null };
    const result = await ingestSeekers(dataSource.manager, [tricky, nulls], cipher, Taxonomy.shared());
    expect(result).toEqual({ inserted: 2, problems: [] });

    const stored = await dataSource.getRepository(Seeker).find();
    for (const input of [tricky, nulls]) {
      const seeker = stored.find((s) => s.residentIdHash === cipher.blindIndex(input.residentId))!;
      const { residentId, phone, ...profile } = input;
      expect(seeker).toMatchObject({ ...profile, residentIdHash: cipher.blindIndex(residentId), registeredBy: null });
      expect(cipher.decrypt(seeker.residentIdEncrypted)).toBe(residentId);
      expect(seeker.phoneEncrypted && cipher.decrypt(seeker.phoneEncrypted)).toBe(phone);
      expect(seeker.phoneHash).toBe(phone && cipher.blindIndex(phone));
      expect(seeker.birthDate).toBe(`${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`);
      expect(seeker.gender).toBe(Number(residentId[16]) % 2 === 1 ? 'male' : 'female');
      expect(JSON.stringify(seeker)).not.toContain(residentId);
    }
  });

  it('reports repeats across chunks and rows already registered, and writes one outbox row per written seeker', async () => {
    const rows = ingestRows(400, 600);
    await ingestSeekers(dataSource.manager, rows.slice(60, 65), cipher, Taxonomy.shared());
    await dataSource.query('TRUNCATE outbox_event');
    rows[150] = { ...rows[10], name: '另一个人' };
    rows[199].phone = '12345';

    const result = await dataSource.transaction((manager) => ingestSeekers(manager, rows, cipher, Taxonomy.shared(), 50));
    expect(result.inserted).toBe(200 - 7);
    expect(result.problems.map((p) => [p.index, p.field, p.message])).toEqual([
      ...[60, 61, 62, 63, 64].map((index) => [index, 'residentId', '该身份证号码已登记过求职信息']),
      [150, 'residentId', '身份证号码在本批数据中重复'],
      [199, 'phone', '手机号码无效'],
    ]);
    const written: { id: string; name: string }[] = await dataSource.query(`SELECT id, name FROM seeker WHERE created_at = (SELECT max(created_at) FROM seeker)`);
    expect(written).toHaveLength(193);
    expect(written.find((s) => s.name === '另一个人')).toBeUndefined();
    const outbox: { topic: string; aggregate_id: string }[] = await dataSource.query('SELECT topic, aggregate_id FROM outbox_event');
    expect(outbox.every((e) => e.topic === 'seeker.changed')).toBe(true);
    expect(outbox.map((e) => e.aggregate_id).sort()).toEqual(written.map((s) => s.id).sort());
  });

  it('writes nothing when the database rejects a row of a later chunk', async () => {
    const rows = ingestRows(600, 700);
    rows[50].travelRadiusKm = 2.5; // not an integer: PostgreSQL refuses the COPY of the second of three chunks
    await expect(dataSource.transaction((manager) => ingestSeekers(manager, rows, cipher, Taxonomy.shared(), 40))).rejects.toThrow(/integer/);
    expect(await count('seeker')).toBe(0);
    expect(await count('outbox_event')).toBe(0);

    rows[50].travelRadiusKm = 3;
    expect((await ingestSeekers(dataSource.manager, rows, cipher, Taxonomy.shared(), 40)).inserted).toBe(100);
    expect(await count('outbox_event')).toBe(100);
  });
});
