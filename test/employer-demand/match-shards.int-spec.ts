import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PROVINCE_SHARD, Shortage, ShortageMatchFacts } from '@app/employer-demand';
import { createTestApp, Factories, TestApp } from '@app/testing';

describe('a full re-match splits a large group by city only when it would hold up the shards running at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Without the matcher: nothing else reads or changes the shortages.
    t = await createTestApp([]);
  });
  afterAll(() => t.close());

  it('keeps every group whole for one slot, splits the group above 1/slots of the live shortages by city', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const employer = await new Factories(t.app).employer();
    const base = {
      employerId: employer.id, title: '岗位', industryCode: '6110', headcount: 2, wageMin: 3500, wageMax: 4500, workType: 'full_time' as const,
      address: '某地', startDate: '2025-01-01', deadline: '2099-12-31', description: '岗位', status: 'open' as const,
    };
    // Group 4-03: 150 shortages in Haikou and 90 in Sanya (240 of 400). Group 4-10: 160 in Haikou.
    const rows = [
      ...Array.from({ length: 150 }, () => ({ ...base, occupationCode: '4-03-01-01', regionCode: '460106' })),
      ...Array.from({ length: 90 }, () => ({ ...base, occupationCode: '4-03-01-01', regionCode: '460203' })),
      ...Array.from({ length: 160 }, () => ({ ...base, occupationCode: '4-10-01-05', regionCode: '460106' })),
    ];
    await dataSource.getRepository(Shortage).insert(rows);
    const facts = t.app.get(ShortageMatchFacts);

    const whole = [{ regionCode: PROVINCE_SHARD, group: '4-03' }, { regionCode: PROVINCE_SHARD, group: '4-10' }];
    expect(await facts.liveShards(1)).toEqual(whole);
    // Two slots: 4-03 holds 60%, more than half.
    expect(await facts.liveShards(2)).toEqual([{ regionCode: '4601', group: '4-03' }, { regionCode: '4602', group: '4-03' }, { regionCode: PROVINCE_SHARD, group: '4-10' }]);
    // However many slots, a group of no more than 200 live shortages stays whole.
    expect(await facts.liveShards(16)).toEqual([{ regionCode: '4601', group: '4-03' }, { regionCode: '4602', group: '4-03' }, { regionCode: PROVINCE_SHARD, group: '4-10' }]);
  });
});
