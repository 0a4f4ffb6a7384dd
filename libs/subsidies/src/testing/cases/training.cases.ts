import { shanghaiDate } from '@app/clock/shanghai-calendar';
import { OrderTrainingFacts, TrainingToJobFacts } from '../../core';
import { changedOn, patched, RuleCase, TEST_PARAMETERS } from '../case';

/** A subsidised course from 2025-01-10, a certificate on 2025-03-31 (window to 2025-09-30), insured work from 2025-06-01. */
export const T1_BASE: TrainingToJobFacts = {
  asOf: '2025-12-01',
  course: { subsidised: true, start: '2025-01-10' },
  certificate: { date: '2025-03-31', valid: true },
  employment: { start: '2025-06-01', evidence: 'insurance', insuredBeforeCourse: false },
  priorAwards: [],
};

const t1 = (patch: Parameters<typeof patched<TrainingToJobFacts>>[1]) => patched(T1_BASE, patch);
const job = (start: string) => ({ start, evidence: 'insurance' as const, insuredBeforeCourse: false });
const tr = TEST_PARAMETERS.training;
const withTraining = (patch: Partial<typeof tr>) => ({ ...TEST_PARAMETERS, training: { ...tr, ...patch } });

export const T1_CASES: RuleCase<'T1'>[] = [
  { name: 'every condition met', facts: T1_BASE, expect: { outcome: 'eligible', amount: 500, relevantDate: '2025-03-31' } },
  { name: 'employed exactly 6 months after the certificate', facts: t1({ employment: job('2025-09-30') }), expect: { outcome: 'eligible', amount: 500 } },
  { name: 'employed 6 months and 1 day after the certificate', facts: t1({ employment: job('2025-10-01') }), expect: { outcome: 'ineligible', amount: 0, fail: ['T1_EMPLOYED_WITHIN'] } },
  { name: 'employed on the certificate day', facts: t1({ employment: job('2025-03-31') }), expect: { outcome: 'eligible', amount: 500 } },
  { name: 'employed the day before the certificate', facts: t1({ employment: job('2025-03-30') }), expect: { outcome: 'ineligible', amount: 0, fail: ['T1_EMPLOYED_WITHIN'] } },
  {
    name: 'certified on 31 August: the window ends on 28 February of the next year',
    facts: t1({ certificate: { date: '2025-08-31' }, employment: job('2026-02-28'), asOf: '2026-03-10' }),
    expect: { outcome: 'eligible', amount: 500 },
  },
  {
    name: 'certified on 31 August, employed on 1 March of the next year',
    facts: t1({ certificate: { date: '2025-08-31' }, employment: job('2026-03-01'), asOf: '2026-03-10' }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['T1_EMPLOYED_WITHIN'] },
  },
  {
    name: 'not employed, decided at 23:59 on the window’s last day (Shanghai)',
    facts: t1({ employment: null, asOf: shanghaiDate(new Date('2025-09-30T15:59:00Z')) }),
    expect: { outcome: 'needs_review', amount: 500, unknown: ['T1_EMPLOYED_WITHIN'] },
  },
  {
    name: 'not employed, decided at 00:00 after the window (Shanghai)',
    facts: t1({ employment: null, asOf: shanghaiDate(new Date('2025-09-30T16:00:00Z')) }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['T1_EMPLOYED_WITHIN'] },
  },
  { name: 'employment not checked yet', facts: t1({ employment: undefined }), expect: { outcome: 'needs_review', amount: 500, unknown: ['T1_EMPLOYED_WITHIN'] } },
  { name: 'employed by 就业登记 rather than insurance', facts: t1({ employment: { start: '2025-06-01', evidence: 'registration', insuredBeforeCourse: false } }), expect: { outcome: 'eligible', amount: 500 } },
  { name: 'the employer insured the person before the course', facts: t1({ employment: { start: '2025-06-01', evidence: 'insurance', insuredBeforeCourse: true } }), expect: { outcome: 'ineligible', amount: 0, fail: ['T1_NEW_EMPLOYER'] } },
  { name: 'the employer’s earlier insurance not checked', facts: t1({ employment: { start: '2025-06-01', evidence: 'insurance', insuredBeforeCourse: undefined } }), expect: { outcome: 'needs_review', amount: 500, unknown: ['T1_NEW_EMPLOYER'] } },
  { name: 'not a subsidised course', facts: t1({ course: { subsidised: false } }), expect: { outcome: 'ineligible', amount: 0, fail: ['T1_SUBSIDISED_COURSE'] } },
  { name: 'course record missing', facts: t1({ course: { subsidised: undefined, start: undefined } }), expect: { outcome: 'needs_review', amount: 500, unknown: ['T1_SUBSIDISED_COURSE'] } },
  { name: 'an invalid certificate', facts: t1({ certificate: { valid: false } }), expect: { outcome: 'ineligible', amount: 0, fail: ['T1_VALID_CERTIFICATE'] } },
  {
    name: 'a certificate dated before the course',
    facts: t1({ certificate: { date: '2025-01-09' }, employment: job('2025-02-01') }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['T1_VALID_CERTIFICATE'] },
  },
  { name: 'certificate not verified', facts: t1({ certificate: { valid: undefined } }), expect: { outcome: 'needs_review', amount: 500, unknown: ['T1_VALID_CERTIFICATE'] } },
  {
    name: 'no certificate date',
    facts: t1({ certificate: { date: undefined } }),
    expect: { outcome: 'needs_review', amount: 500, unknown: ['T1_IN_FORCE', 'T1_VALID_CERTIFICATE', 'T1_EMPLOYED_WITHIN'] },
  },
  { name: 'the person already has T1', facts: t1({ priorAwards: [{ rule: 'T1', claimId: 'C-5' }] }), expect: { outcome: 'ineligible', amount: 0, fail: ['T1_ONCE'] } },
  { name: 'earlier awards not on record', facts: t1({ priorAwards: undefined }), expect: { outcome: 'needs_review', amount: 500, unknown: ['T1_ONCE'] } },
  {
    name: 'amount changed mid-year: certified the day before the change',
    facts: t1({ certificate: { date: '2025-06-30' }, employment: job('2025-08-01') }),
    book: withTraining({ t1Amount: changedOn(tr.t1Amount, '2025-07-01', 600) }),
    expect: { outcome: 'eligible', amount: 500 },
  },
  {
    name: 'amount changed mid-year: certified on the change day',
    facts: t1({ certificate: { date: '2025-07-01' }, employment: job('2025-08-01') }),
    book: withTraining({ t1Amount: changedOn(tr.t1Amount, '2025-07-01', 600) }),
    expect: { outcome: 'eligible', amount: 600 },
  },
];

const trainee = (personId: string, certified?: boolean, placed?: boolean, paidBefore?: boolean) => ({ personId, certified, placed, paidBefore });
const placedTrainees = (n: number) => Array.from({ length: n }, (_, k) => trainee(`p${k}`, true, true, false));

/** An order-based project filed 2025-02-20 for 10 posts, course from 2025-03-01: 8 certified and placed, 2 certified but not placed. */
export const T2_BASE: OrderTrainingFacts = {
  project: { filedOn: '2025-02-20', courseStart: '2025-03-01', plannedHeadcount: 10 },
  trainees: [...placedTrainees(8), trainee('n1', true, false, false), trainee('n2', true, false, false)],
};

const t2 = (patch: Parameters<typeof patched<OrderTrainingFacts>>[1]) => patched(T2_BASE, patch);

export const T2_CASES: RuleCase<'T2'>[] = [
  { name: '8 placed of a plan of 10', facts: T2_BASE, expect: { outcome: 'eligible', amount: 4000, relevantDate: '2025-03-01' } },
  { name: 'filed the day before the course', facts: t2({ project: { filedOn: '2025-02-28' } }), expect: { outcome: 'eligible', amount: 4000 } },
  { name: 'filed on the course’s first day', facts: t2({ project: { filedOn: '2025-03-01' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['T2_FILED_BEFORE_COURSE'] } },
  { name: 'filed after the course began', facts: t2({ project: { filedOn: '2025-03-15' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['T2_FILED_BEFORE_COURSE'] } },
  { name: 'filing not on record', facts: t2({ project: { filedOn: undefined } }), expect: { outcome: 'needs_review', amount: 4000, unknown: ['T2_FILED_BEFORE_COURSE'] } },
  { name: '12 placed, capped at the plan of 10', facts: t2({ trainees: placedTrainees(12) }), expect: { outcome: 'eligible', amount: 5000 } },
  { name: 'exactly the plan placed', facts: t2({ trainees: placedTrainees(10) }), expect: { outcome: 'eligible', amount: 5000 } },
  { name: 'one placed', facts: t2({ trainees: placedTrainees(1) }), expect: { outcome: 'eligible', amount: 500 } },
  { name: 'nobody placed', facts: t2({ trainees: [trainee('a', true, false, false), trainee('b', false, true, false)] }), expect: { outcome: 'ineligible', amount: 0, fail: ['T2_PLACED'] } },
  { name: 'no trainee records', facts: t2({ trainees: [] }), expect: { outcome: 'ineligible', amount: 0, fail: ['T2_PLACED'] } },
  { name: 'trainee records not imported', facts: t2({ trainees: undefined }), expect: { outcome: 'needs_review', amount: 0, unknown: ['T2_PLACED'] } },
  {
    name: 'two placements to verify',
    facts: t2({ trainees: [...placedTrainees(8), trainee('u1', true, undefined, false), trainee('u2', undefined, true, false)] }),
    expect: { outcome: 'needs_review', amount: 5000, unknown: ['T2_PLACED'] },
  },
  {
    name: 'two trainees already paid for under T2',
    facts: t2({ trainees: [...placedTrainees(6), trainee('x1', true, true, true), trainee('x2', true, true, true)] }),
    expect: { outcome: 'eligible', amount: 3000 },
  },
  {
    name: 'earlier payment unknown for one trainee',
    facts: t2({ trainees: [...placedTrainees(7), trainee('x', true, true, undefined)] }),
    expect: { outcome: 'needs_review', amount: 4000, unknown: ['T2_PLACED'] },
  },
  { name: 'planned headcount not on record', facts: t2({ project: { plannedHeadcount: undefined } }), expect: { outcome: 'needs_review', amount: 4000, unknown: ['T2_WITHIN_PLAN'] } },
  { name: 'a plan with no posts', facts: t2({ project: { plannedHeadcount: 0 } }), expect: { outcome: 'ineligible', amount: 0, fail: ['T2_WITHIN_PLAN'] } },
  {
    name: 'amount changed mid-year on the course’s first day',
    facts: T2_BASE,
    book: withTraining({ t2AmountPerPerson: changedOn(tr.t2AmountPerPerson, '2025-03-01', 600) }),
    expect: { outcome: 'eligible', amount: 4800 },
  },
  {
    name: 'amount changed mid-year the day after the course began',
    facts: T2_BASE,
    book: withTraining({ t2AmountPerPerson: changedOn(tr.t2AmountPerPerson, '2025-03-02', 600) }),
    expect: { outcome: 'eligible', amount: 4000 },
  },
  {
    name: 'a course in 2026: the plan sets no end for T2',
    facts: t2({ project: { filedOn: '2026-02-01', courseStart: '2026-03-01' } }),
    expect: { outcome: 'eligible', amount: 4000, relevantDate: '2026-03-01' },
  },
  {
    name: 'a course before the policy’s (provisional) start',
    facts: t2({ project: { filedOn: '2024-11-01', courseStart: '2024-12-01' } }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['T2_IN_FORCE'] },
  },
  {
    name: 'every trainee unverified',
    facts: t2({ trainees: [trainee('a'), trainee('b'), trainee('c')] }),
    expect: { outcome: 'needs_review', amount: 1500, unknown: ['T2_PLACED'] },
  },
];
