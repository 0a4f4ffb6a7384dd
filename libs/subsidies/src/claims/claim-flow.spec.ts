import type { ClaimStatus } from '../persistence/subsidy-claim.entity';
import { noticePeriod } from '../notice/notice-period';
import { CLAIM_EDGES, ClaimCapacity, ClaimEvent, ClaimFlowState, ClaimMoveResult, nextStatus } from './claim-flow';

const CREATOR = 'u-creator';
const COUNTY = 'u-county';
const CITY = 'u-city';

const state = (status: ClaimStatus, patch: Partial<ClaimFlowState> = {}): ClaimFlowState => ({
  status, createdBy: CREATOR, countyReviewedBy: null, cityReviewedBy: null, noticeUntil: null, ...patch,
});
const move = (s: ClaimFlowState, event: ClaimEvent, capacity: ClaimCapacity, userId: string | null, today = '2026-12-07', reasons?: string): ClaimMoveResult =>
  nextStatus(s, { event, actor: { userId, capacity }, today, reasons: reasons ? { zh: reasons } : null });

describe('claim workflow state machine', () => {
  describe('main path', () => {
    const cases: [string, ClaimFlowState, ClaimEvent, ClaimCapacity, string | null, ClaimStatus][] = [
      ['the employer confirms a candidate', state('candidate', { createdBy: null }), 'confirm', 'claimant', CREATOR, 'submitted'],
      ['the claimant submits a draft', state('draft'), 'submit', 'claimant', CREATOR, 'submitted'],
      ['an officer submits a walk-in’s draft', state('draft'), 'submit', 'officer', 'u-officer', 'submitted'],
      ['the system runs the checks', state('submitted'), 'auto_check', 'system', null, 'auto_checked'],
      ['the system queues for county review', state('auto_checked'), 'queue_county', 'system', null, 'county_review'],
      ['the county reviewer passes', state('county_review'), 'county_pass', 'county_reviewer', COUNTY, 'city_review'],
      ['the city reviewer passes: notice', state('city_review', { countyReviewedBy: COUNTY }), 'city_pass', 'city_reviewer', CITY, 'notice'],
      ['the notice ends the day after its last day', state('notice', { noticeUntil: '2026-12-06' }), 'notice_end', 'system', null, 'approved'],
      ['the payment side pays', state('approved'), 'pay', 'payments', null, 'paid'],
      ['a failed payment is retried and paid', state('payment_failed'), 'pay', 'payments', null, 'paid'],
      ['the payment side reports a failure', state('approved'), 'payment_failed', 'payments', null, 'payment_failed'],
      ['a paid instalment bounced back by the bank', state('paid'), 'payment_failed', 'payments', null, 'payment_failed'],
    ];
    it.each(cases)('%s', (_name, s, event, capacity, user, to) => {
      expect(move(s, event, capacity, user)).toEqual({ ok: true, to });
    });
  });

  describe('exits', () => {
    it('a county or city reviewer refuses, with reasons only', () => {
      expect(move(state('county_review'), 'refuse', 'county_reviewer', COUNTY, undefined, '社保缴费不足6个月')).toEqual({ ok: true, to: 'refused' });
      expect(move(state('city_review'), 'refuse', 'city_reviewer', CITY, undefined, '非本省高校毕业生')).toEqual({ ok: true, to: 'refused' });
      expect(move(state('county_review'), 'refuse', 'county_reviewer', COUNTY)).toEqual({ ok: false, error: 'reasons_required' });
      expect(move(state('county_review'), 'refuse', 'county_reviewer', COUNTY, undefined, '   ')).toEqual({ ok: false, error: 'reasons_required' });
    });

    it('the machine never refuses: no system, payment or claimant refusal, and no refusal before review', () => {
      for (const capacity of ['system', 'payments', 'claimant', 'officer', 'public'] as const) {
        expect(move(state('county_review'), 'refuse', capacity, null, undefined, '自动')).toMatchObject({ ok: false, error: 'not_allowed' });
      }
      for (const status of ['submitted', 'auto_checked', 'candidate', 'notice'] as const) {
        expect(move(state(status), 'refuse', 'county_reviewer', COUNTY, undefined, '理由')).toMatchObject({ ok: false, error: 'not_allowed' });
      }
      expect(Object.values(CLAIM_EDGES).filter((e) => e.to === 'refused').every((e) => !e.by.includes('system'))).toBe(true);
    });

    it('appeal after a refusal: reopened to county review or dismissed', () => {
      expect(move(state('refused'), 'appeal', 'claimant', CREATOR, undefined, '已补充社保缴费证明')).toEqual({ ok: true, to: 'appealed' });
      expect(move(state('refused'), 'appeal', 'claimant', CREATOR)).toEqual({ ok: false, error: 'reasons_required' });
      expect(move(state('appealed'), 'reopen_appeal', 'city_reviewer', CITY)).toEqual({ ok: true, to: 'county_review' });
      expect(move(state('appealed'), 'dismiss_appeal', 'city_reviewer', CITY, undefined, '证明不足')).toEqual({ ok: true, to: 'refused' });
    });

    it('an objection during the notice: back to notice when dismissed, refused when upheld', () => {
      const inNotice = state('notice', { noticeUntil: '2026-12-11', countyReviewedBy: COUNTY, cityReviewedBy: CITY });
      expect(move(inNotice, 'object', 'public', null, '2026-12-09', '该员工为法定代表人亲属')).toEqual({ ok: true, to: 'objected' });
      expect(move(inNotice, 'object', 'public', null, '2026-12-09')).toEqual({ ok: false, error: 'reasons_required' });
      const objected = { ...inNotice, status: 'objected' as const };
      expect(move(objected, 'dismiss_objection', 'city_reviewer', CITY, undefined, '经核实不属实')).toEqual({ ok: true, to: 'notice' });
      expect(move(objected, 'uphold_objection', 'city_reviewer', CITY, undefined, '经核实属实')).toEqual({ ok: true, to: 'refused' });
      expect(move(objected, 'notice_end', 'system', null, '2026-12-20')).toMatchObject({ ok: false, error: 'not_allowed' });
    });

    it('recovery of a paid claim needs a city reviewer and reasons', () => {
      expect(move(state('paid'), 'recover', 'city_reviewer', CITY, undefined, '骗取补贴')).toEqual({ ok: true, to: 'recovered' });
      expect(move(state('paid'), 'recover', 'county_reviewer', COUNTY, undefined, '骗取补贴')).toMatchObject({ ok: false, error: 'not_allowed' });
      expect(move(state('approved'), 'recover', 'city_reviewer', CITY, undefined, '骗取补贴')).toMatchObject({ ok: false, error: 'not_allowed' });
    });

    it('withdrawal only before submission', () => {
      expect(move(state('candidate'), 'withdraw', 'claimant', CREATOR)).toEqual({ ok: true, to: 'withdrawn' });
      expect(move(state('draft'), 'withdraw', 'claimant', CREATOR)).toEqual({ ok: true, to: 'withdrawn' });
      expect(move(state('county_review'), 'withdraw', 'claimant', CREATOR)).toMatchObject({ ok: false, error: 'not_allowed' });
    });
  });

  describe('the three-people rule', () => {
    it('the creator may not review at county level', () => {
      expect(move(state('county_review'), 'county_pass', 'county_reviewer', CREATOR)).toEqual({ ok: false, error: 'same_person', role: 'county_reviewer' });
      expect(move(state('county_review'), 'refuse', 'county_reviewer', CREATOR, undefined, '理由')).toEqual({ ok: false, error: 'same_person', role: 'county_reviewer' });
    });

    it('the city reviewer is neither the creator nor the county reviewer', () => {
      const atCity = state('city_review', { countyReviewedBy: COUNTY });
      expect(move(atCity, 'city_pass', 'city_reviewer', CREATOR)).toEqual({ ok: false, error: 'same_person', role: 'city_reviewer' });
      expect(move(atCity, 'city_pass', 'city_reviewer', COUNTY)).toEqual({ ok: false, error: 'same_person', role: 'city_reviewer' });
      expect(move(atCity, 'city_pass', 'city_reviewer', CITY)).toEqual({ ok: true, to: 'notice' });
    });

    it('a candidate claim the platform opened has no creator until the employer confirms it', () => {
      const opened = state('county_review', { createdBy: null });
      expect(move(opened, 'county_pass', 'county_reviewer', COUNTY)).toEqual({ ok: true, to: 'city_review' });
    });
  });

  describe('roles and states', () => {
    it('a claimant cannot review, a county reviewer cannot pass at city level, a city reviewer cannot skip the county', () => {
      expect(move(state('county_review'), 'county_pass', 'claimant', 'u-other')).toMatchObject({ ok: false, error: 'not_allowed' });
      expect(move(state('city_review'), 'city_pass', 'county_reviewer', 'u-other')).toMatchObject({ ok: false, error: 'not_allowed' });
      expect(move(state('county_review'), 'city_pass', 'city_reviewer', CITY)).toMatchObject({ ok: false, error: 'not_allowed' });
      expect(move(state('submitted'), 'county_pass', 'county_reviewer', COUNTY)).toMatchObject({ ok: false, error: 'not_allowed' });
    });

    it('a candidate cannot be submitted as a draft, nor a draft confirmed', () => {
      expect(move(state('candidate'), 'submit', 'claimant', CREATOR)).toMatchObject({ ok: false, error: 'not_allowed' });
      expect(move(state('draft'), 'confirm', 'claimant', CREATOR)).toMatchObject({ ok: false, error: 'not_allowed' });
    });

    it('nothing pays a claim that is not approved, and a paid claim is not paid again', () => {
      for (const status of ['notice', 'city_review', 'refused', 'paid', 'recovered', 'objected'] as const) {
        expect(move(state(status), 'pay', 'payments', null)).toMatchObject({ ok: false, error: 'not_allowed' });
      }
    });

    it('finished claims move no further except by the listed exits', () => {
      for (const event of Object.keys(CLAIM_EDGES) as ClaimEvent[]) {
        expect(move(state('withdrawn'), event, 'city_reviewer', CITY, undefined, '理由')).toMatchObject({ ok: false });
        expect(move(state('recovered'), event, 'city_reviewer', CITY, undefined, '理由')).toMatchObject({ ok: false });
      }
    });
  });

  describe('the public notice on the holiday-aware calendar', () => {
    it('runs until its last working day; ends only the day after', () => {
      const s = state('notice', { noticeUntil: '2026-10-10' });
      expect(move(s, 'notice_end', 'system', null, '2026-10-10')).toEqual({ ok: false, error: 'notice_running', noticeUntil: '2026-10-10' });
      expect(move(s, 'notice_end', 'system', null, '2026-10-11')).toEqual({ ok: true, to: 'approved' });
    });

    it('5 working days across National Day 2026 (holiday 1–7 October, Saturday 10 October worked)', () => {
      // Passed Monday 28 September: published Tuesday 29; 29, 30 September, 8, 9, 10 October.
      expect(noticePeriod('2026-09-28')).toEqual({ from: '2026-09-29', until: '2026-10-10', workingDays: 5 });
      // Passed on 30 September: published on the first working day after the holiday.
      expect(noticePeriod('2026-09-30')).toEqual({ from: '2026-10-08', until: '2026-10-13', workingDays: 5 });
    });

    it('an ordinary week, a weekend pass, and a 7-day setting', () => {
      expect(noticePeriod('2026-12-07')).toEqual({ from: '2026-12-08', until: '2026-12-14', workingDays: 5 });
      expect(noticePeriod('2026-12-05')).toEqual({ from: '2026-12-07', until: '2026-12-11', workingDays: 5 });
      expect(noticePeriod('2026-12-07', [{ from: '2025-01-01', value: 7, document: 'test', source: 'test' }])).toEqual({ from: '2026-12-08', until: '2026-12-16', workingDays: 7 });
    });
  });
});
