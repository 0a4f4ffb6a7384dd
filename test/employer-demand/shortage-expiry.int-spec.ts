import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Shortage, ShortageExpiryService } from '@app/employer-demand';
import { createTestApp, Factories, TestApp } from '@app/testing';

describe('shortage expiry', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Without the matcher, so its scheduled run cannot race this test's explicit one.
    t = await createTestApp([]);
  });
  afterAll(() => t.close());

  it('expires live shortages past their deadline once, recording why', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const employer = await new Factories(t.app).employer();
    const base = {
      employerId: employer.id, title: '客房服务员', occupationCode: '4-03-01-01', industryCode: '6110', headcount: 2, wageMin: 3500,
      wageMax: 4500, workType: 'full_time' as const, regionCode: '460203', address: '三亚市吉阳区某酒店', startDate: '2025-01-01', description: '客房清洁',
    };
    const [due, current] = await dataSource.getRepository(Shortage).save([
      { ...base, status: 'open' as const, deadline: '2025-06-30' },
      { ...base, status: 'open' as const, deadline: '2099-12-31' },
    ]);
    const service = t.app.get(ShortageExpiryService);
    expect(await service.expireDue('2025-07-01')).toEqual([due.id]);
    expect(await service.expireDue('2025-07-01')).toEqual([]);
    expect((await dataSource.getRepository(Shortage).findOneByOrFail({ id: due.id })).status).toBe('expired');
    expect((await dataSource.getRepository(Shortage).findOneByOrFail({ id: current.id })).status).toBe('open');
    const [transition] = await dataSource.query(`SELECT from_status, to_status, reason FROM shortage_transition WHERE shortage_id = $1`, [due.id]);
    expect(transition).toMatchObject({ from_status: 'open', to_status: 'expired' });
  });
});
