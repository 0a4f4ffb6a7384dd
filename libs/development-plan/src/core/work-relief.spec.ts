import { forecastDemand, LedgerPayment, summarizeLedger } from './work-relief';

const pay = (projectId: string, workerKey: string, accountKey: string, amountFen: number): LedgerPayment => ({ projectId, workerKey, accountKey, amountFen });

describe('以工代赈 ledger checks', () => {
  it('flags a project whose labour pay is under 30% of its funds, and not one at 30%', () => {
    const [low, atFloor, none] = summarizeLedger(
      [{ id: 'a', fundsFen: 1_000_000 }, { id: 'b', fundsFen: 1_000_000 }, { id: 'c', fundsFen: 500 }],
      [pay('a', 'w1', 'k1', 200_000), pay('a', 'w2', 'k2', 99_999), pay('b', 'w3', 'k3', 300_000)],
    );
    // 29.9999% shows as 0.3 but is under the floor.
    expect(low).toMatchObject({ paidFen: 299_999, payShare: 0.3, workers: 2, payments: 2, flags: ['pay_share_below_30'] });
    expect(atFloor).toMatchObject({ paidFen: 300_000, payShare: 0.3, flags: [] });
    expect(none).toMatchObject({ paidFen: 0, payShare: 0, workers: 0, flags: ['pay_share_below_30'] });
  });

  it('flags a worker paid on several projects and an account paid on several projects or for several workers', () => {
    const [a, b, c] = summarizeLedger(
      [{ id: 'a', fundsFen: 100 }, { id: 'b', fundsFen: 100 }, { id: 'c', fundsFen: 100 }],
      [
        pay('a', 'w1', 'k1', 40), pay('b', 'w1', 'k9', 40), // w1 on a and b (different accounts)
        pay('c', 'w2', 'k2', 20), pay('c', 'w3', 'k2', 20), // k2 used by two workers on c
      ],
    );
    expect(a.flags).toEqual(['worker_on_several_projects']);
    expect(a.workersOnOtherProjects).toBe(1);
    expect(b.flags).toEqual(['worker_on_several_projects']);
    expect(c.flags).toEqual(['account_shared_by_workers']);
    expect(c.accountsShared).toBe(1);
    const [d] = summarizeLedger([{ id: 'd', fundsFen: 100 }], [pay('d', 'w1', 'k1', 50), pay('e', 'w2', 'k1', 50)]);
    expect(d.flags).toEqual(['account_on_several_projects', 'account_shared_by_workers']);
  });
});

describe('job-impact estimates as forecast demand', () => {
  it('adds approved lines per unit, occupation and quarter', () => {
    const rows = forecastDemand([
      { reporter: '469002', lines: [{ occupationCode: '6-29-01-01', year: 2027, quarter: 1, jobs: 40 }, { occupationCode: '6-29-01-01', year: 2027, quarter: 2, jobs: 10 }] },
      { reporter: '469002', lines: [{ occupationCode: '6-29-01-01', year: 2027, quarter: 1, jobs: 5 }] },
      { reporter: '460100', lines: [{ occupationCode: '4-10-01-05', year: 2027, quarter: 1, jobs: 3 }] },
    ]);
    expect(rows).toEqual([
      { reporter: '460100', occupationCode: '4-10-01-05', year: 2027, quarter: 1, jobs: 3, estimates: 1 },
      { reporter: '469002', occupationCode: '6-29-01-01', year: 2027, quarter: 1, jobs: 45, estimates: 2 },
      { reporter: '469002', occupationCode: '6-29-01-01', year: 2027, quarter: 2, jobs: 10, estimates: 1 },
    ]);
  });
});
