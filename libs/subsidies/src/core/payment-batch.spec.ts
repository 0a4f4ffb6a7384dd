import fc from 'fast-check';
import { dueInstalments, DueInstalment, instalmentKey, PaymentLedger, ReturnLine } from './payment-batch';

const POOL: DueInstalment[] = Array.from({ length: 12 }, (_, k) => ({
  claimId: `C${k % 5}`,
  number: Math.floor(k / 5) + 1,
  amountFen: 200_000 + k * 100,
  account: `6217${k}`,
}));
const BATCH_IDS = ['B1', 'B2', 'B3', 'B4'];

type Command =
  | { kind: 'register'; picks: number[] }
  | { kind: 'open'; batch: string; maxRows: number }
  | { kind: 'return'; batch: string; lines: { pick: number; result: ReturnLine['result'] }[] }
  | { kind: 'replay'; which: number }
  | { kind: 'cancel'; batch: string }
  | { kind: 'account'; pick: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('register' as const), picks: fc.array(fc.nat(POOL.length - 1), { maxLength: 8 }) }),
  fc.record({ kind: fc.constant('open' as const), batch: fc.constantFrom(...BATCH_IDS), maxRows: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('return' as const),
    batch: fc.constantFrom(...BATCH_IDS),
    lines: fc.array(fc.record({ pick: fc.nat(POOL.length - 1), result: fc.constantFrom('paid', 'paid', 'failed', 'bounced') as fc.Arbitrary<ReturnLine['result']> }), { maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('replay' as const), which: fc.nat(20) }),
  fc.record({ kind: fc.constant('cancel' as const), batch: fc.constantFrom(...BATCH_IDS) }),
  fc.record({ kind: fc.constant('account' as const), pick: fc.nat(POOL.length - 1) }),
);

const keyOf = (k: number) => instalmentKey(POOL[k].claimId, POOL[k].number);

/** Runs commands; every return file imported is kept so that a later command can replay it. */
function run(ledger: PaymentLedger, commands: Command[], afterEach: () => void): void {
  const files: { batch: string; lines: ReturnLine[] }[] = [];
  for (const command of commands) {
    if (command.kind === 'register') ledger.registerDue(command.picks.map((k) => POOL[k]));
    else if (command.kind === 'open') ledger.openBatch(command.batch, command.maxRows);
    else if (command.kind === 'cancel') ledger.cancelBatch(command.batch);
    else if (command.kind === 'account') ledger.changeAccount(keyOf(command.pick), `new-${command.pick}`);
    else if (command.kind === 'return') {
      // Most lines name rows of the batch (what a bank sends back); the picks add rows of other batches.
      const rows = ledger.batch(command.batch)?.rows ?? [];
      const lines = command.lines.map(({ pick, result }) => ({ key: rows.length && pick % 3 ? rows[pick % rows.length].key : keyOf(pick), result }));
      files.push({ batch: command.batch, lines });
      ledger.applyReturn(command.batch, lines);
    } else if (files.length) {
      const file = files[command.which % files.length];
      ledger.applyReturn(file.batch, file.lines);
    }
    afterEach();
  }
}

describe('payment batches', () => {
  it('replaying any batch, or any sequence of batches with returns, bounces, retries and cancellations, pays nothing twice', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 40 }), (commands) => {
        const ledger = new PaymentLedger();
        run(ledger, commands, () => {
          for (const [key, net] of ledger.netPaid()) {
            const amount = ledger.instalment(key)!.amountFen;
            expect([0, amount]).toContain(net);
            expect(net === amount).toBe(ledger.instalment(key)!.status === 'paid');
          }
          // A key is on its way in at most one batch.
          const inFlight = new Map<string, number>();
          for (const id of BATCH_IDS) {
            const batch = ledger.batch(id);
            if (batch?.status !== 'open') continue;
            for (const row of batch.rows) if (ledger.instalment(row.key)!.batchId === id && ledger.instalment(row.key)!.status === 'in_batch') inFlight.set(row.key, (inFlight.get(row.key) ?? 0) + 1);
          }
          for (const count of inFlight.values()) expect(count).toBe(1);
        });
        // Then everything left is settled: open batches are cancelled, one last batch is paid in full.
        for (const id of BATCH_IDS) ledger.cancelBatch(id);
        const last = ledger.openBatch('LAST');
        ledger.applyReturn('LAST', last.rows.map((r) => ({ key: r.key, result: 'paid' as const })));
        ledger.applyReturn('LAST', last.rows.map((r) => ({ key: r.key, result: 'paid' as const })));
        const net = ledger.netPaid();
        for (let k = 0; k < POOL.length; k++) {
          const state = ledger.instalment(keyOf(k));
          if (state) expect(net.get(keyOf(k))).toBe(POOL[k].amountFen);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('opening a batch id again returns the same rows and adds none', () => {
    const ledger = new PaymentLedger();
    ledger.registerDue(POOL.slice(0, 3));
    const first = ledger.openBatch('B1');
    ledger.registerDue(POOL.slice(3, 5));
    expect(ledger.openBatch('B1')).toBe(first);
    expect(first.rows.map((r) => r.key)).toEqual(['C0#1', 'C1#1', 'C2#1']);
    expect(first.totalFen).toBe(200_000 + 200_100 + 200_200);
    expect(ledger.openBatch('B2').rows.map((r) => r.key)).toEqual(['C3#1', 'C4#1']);
  });

  it('a failed row is retried in the next batch, a paid one never; a replayed return file changes nothing', () => {
    const ledger = new PaymentLedger();
    ledger.registerDue(POOL.slice(0, 2));
    ledger.openBatch('B1');
    const file: ReturnLine[] = [{ key: 'C0#1', result: 'paid' }, { key: 'C1#1', result: 'failed', reason: '账户已销户' }];
    expect(ledger.applyReturn('B1', file)).toMatchObject({ paid: ['C0#1'], failed: ['C1#1'] });
    expect(ledger.batch('B1')!.status).toBe('closed');
    expect(ledger.applyReturn('B1', file)).toMatchObject({ paid: [], failed: [], unchanged: ['C0#1', 'C1#1'] });
    expect(ledger.changeAccount('C1#1', '6228-new')).toBe(true);
    expect(ledger.openBatch('B2').rows).toEqual([{ key: 'C1#1', claimId: 'C1', number: 1, amountFen: 200_100, account: '6228-new' }]);
    expect(ledger.applyReturn('B1', [{ key: 'C1#1', result: 'paid' }]).rejected).toHaveLength(1);
    ledger.applyReturn('B2', [{ key: 'C1#1', result: 'paid' }]);
    expect(Object.fromEntries(ledger.netPaid())).toEqual({ 'C0#1': 200_000, 'C1#1': 200_100 });
    expect(ledger.instalment('C1#1')!.attempts).toBe(2);
  });

  it('a payment bounced after being paid is owed again, once', () => {
    const ledger = new PaymentLedger();
    ledger.registerDue([POOL[0]]);
    ledger.openBatch('B1');
    ledger.applyReturn('B1', [{ key: 'C0#1', result: 'paid' }]);
    expect(ledger.applyReturn('B1', [{ key: 'C0#1', result: 'bounced' }]).bounced).toEqual(['C0#1']);
    expect(ledger.netPaid().get('C0#1')).toBe(0);
    ledger.openBatch('B2');
    ledger.applyReturn('B2', [{ key: 'C0#1', result: 'paid' }]);
    ledger.applyReturn('B1', [{ key: 'C0#1', result: 'paid' }]);
    expect(ledger.netPaid().get('C0#1')).toBe(200_000);
    expect(ledger.movements()).toHaveLength(3);
  });

  it('registers an instalment once and reports a second one that differs', () => {
    const ledger = new PaymentLedger();
    expect(ledger.registerDue([POOL[0], POOL[0]]).added).toEqual(['C0#1']);
    expect(ledger.registerDue([{ ...POOL[0], amountFen: 1 }]).conflicts).toEqual(['C0#1']);
    expect(() => ledger.registerDue([{ ...POOL[1], amountFen: -5 }])).toThrow('positive');
  });

  it('turns a decision’s payable instalments into fen', () => {
    expect(dueInstalments('C9', 'acct', [
      { number: 1, amount: 2010, status: 'payable' },
      { number: 2, amount: 2010, status: 'pending' },
      { number: 3, amount: 1005.5, status: 'payable' },
      { number: 4, amount: 0, status: 'payable' },
    ])).toEqual([
      { claimId: 'C9', number: 1, amountFen: 201_000, account: 'acct' },
      { claimId: 'C9', number: 3, amountFen: 100_550, account: 'acct' },
    ]);
  });
});
