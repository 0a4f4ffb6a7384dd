import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Shortage, ShortageStatus } from '@app/employer-demand';
import { addDays, addMonthsToMonth, shanghaiDate } from '@app/clock';
import { makeCreditCode, makeResidentId } from '@app/identifiers';
import { Application } from '@app/seeker-pool';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp, TestResponse } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * The route × role × tenant matrix (issue 12): every route of the OpenAPI document, called by every role, once
 * on a record of the caller's own tenant and once on another tenant's, with the outcome the rules promise
 * (security.md, libs/auth/src/scope.policy.ts). A route in the document without a row fails the test.
 *
 * Tenants: A is 三亚 (region 460200; records in 吉阳区 460203), B is 海口 (460100; records in 龙华区 460106).
 * The callers all belong to A: a seeker, an employer's user, an officer paired with A's employer (region 460200),
 * a station staff member of A's station (region 460200), the 三亚 regional administrator; plus the province
 * administrator (no region: both tenants are theirs) and an anonymous caller.
 *
 * Cells, per role, in the column order of ROLES:
 *   A  allowed for own and other (passes access control: 2xx, or a business refusal such as 400/409)
 *   S  scoped: own allowed, other 404 NOT_FOUND (a foreign id reads as missing)
 *   R  region: own allowed, other 403 (a regional administrator giving a region outside theirs)
 *   F  403 for both (the role may not call the route)
 *   U  401 for both (sign-in needed)
 * "Allowed" is anything but 401, 403 and a 404 with code NOT_FOUND (or ATTENDEE_NOT_FOUND: the seeker is not on
 * that event): a 404 with another code (NOT_A_CANDIDATE …) is a business answer given after the scope check passed.
 * An F or U cell is refused before any record is read, so it is sent once (own tenant) to keep the run short.
 *
 * Reads run first (a few rows at a time), then the writes one row after another in the table's order, the roles of
 * a row side by side; destructive routes work on throwaway records of each tenant, and the row that deletes the
 * seeker's own profile comes last.
 */
/** 404 codes that mean "no such record for you" (the others are business answers after the scope check). */
const NOT_FOUND_CODES = ['NOT_FOUND', 'ATTENDEE_NOT_FOUND'];

const ROLES = ['seeker', 'employer', 'officer', 'staff', 'province', 'regional', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
type Tenant = 'A' | 'B';
type Outcome = 'allowed' | '401' | '403' | '404';

interface Fixtures {
  users: Record<Role | 'officerB' | 'seekerB' | 'employerB' | 'staffB', string>;
  A: TenantFixtures;
  B: TenantFixtures;
  runId: string;
  notifications: Record<string, string>;
  /** An open payment batch with no rows and an open suspicious case (subsidies: province-wide records). */
  paymentBatch: string;
  suspiciousCase: string;
}

interface TenantFixtures {
  employer: string;
  seeker: string;
  shortage: string;
  shortageDraft: string;
  shortageSubmit: string;
  shortageReview: string;
  shortageClose: string;
  application: string;
  station: string;
  event: string;
  eventReject: string;
  eventCancel: string;
  eventComplete: string;
  officer: string;
  officerSpare: string;
  staffSpare: string;
  pairingSpare: string;
  importJob: string;
  /** A 2026 Q2 report of the tenant's city (job-development plan). */
  planReport: string;
  /** A 以工代赈 project of the tenant's city and a submitted job-impact estimate of it. */
  workReliefProject: string;
  jobImpactEstimate: string;
  layoffReport: string;
  warningAlert: string;
  warningCase: string;
  warningTask: string;
  /** Subsidy claims of the tenant's employer about its seeker: in county review, a draft, an offered candidate. */
  claim: string;
  claimDraft: string;
  claimCandidate: string;
  /** Seekers of the tenant by role and purpose, so one caller's walk-in or invitee never widens another's scope. */
  walkIns: Record<Role, string>;
  invitees: Record<Role, string>;
  region: string;
  district: string;
}

interface Call {
  /** Path parameters by name; `tenant` is the tenant of the records the call aims at. */
  params?: (fx: Fixtures, tenant: Tenant, role: Role) => Record<string, string>;
  query?: (fx: Fixtures, tenant: Tenant) => string;
  body?: (fx: Fixtures, tenant: Tenant, role: Role) => unknown;
  headers?: Record<string, string>;
  /** Not tied to a tenant (the body only has to be fresh): one request per role. */
  once?: true;
}

type IdKey = { [K in keyof TenantFixtures]: TenantFixtures[K] extends string ? K : never }[keyof TenantFixtures];
const own = (key: IdKey) => (fx: Fixtures, tenant: Tenant) => ({ id: fx[tenant][key] });
let unique = 0;
const next = () => ++unique;
const inDays = (n: number) => addDays(shanghaiDate(), n);
const lastMonth = () => addMonthsToMonth(shanghaiDate().slice(0, 7), -1);

const posting = (fx: Fixtures, tenant: Tenant) => ({
  employerId: fx[tenant].employer, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 2, wageMin: 4500, wageMax: 6500,
  workType: 'full_time', regionCode: fx[tenant].district, address: '测试地址 8 号', startDate: inDays(7), deadline: inDays(60),
  description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。包食宿，缴纳五险。',
});
const profile = (fx: Fixtures, tenant: Tenant) => {
  const n = next();
  return {
    name: '符小梅', residentId: makeResidentId('460106', '1990-01-01', String(500 + n).padStart(3, '0')), phone: `1370000${String(n).padStart(4, '0')}`,
    regionCode: fx[tenant].district, desiredOccupations: ['4-10-01-05'],
  };
};

/** The matrix: route, cells for seeker employer officer staff province regional anonymous, and how to call it. */
const MATRIX: [route: string, cells: string, call?: Call][] = [
  ['POST /api/auth/login', 'A A A A A A A', { once: true, body: () => ({ username: 'matrix-login', password: TEST_PASSWORD }) }],
  ['GET /api/auth/me', 'A A A A A A U'],
  // Accounts (issue 17). Public code routes answer a malformed body with 400 (past access control); a wrong current
  // password is a 400 too, so no caller's session ends here.
  ['GET /api/auth/terms', 'A A A A A A A'],
  ['POST /api/auth/codes', 'A A A A A A A', { once: true, body: () => ({ phone: `1377777${String(next()).padStart(4, '0')}`, purpose: 'sign_in' }) }],
  ['POST /api/auth/login/code', 'A A A A A A A', { once: true, body: () => ({ phone: '13777770000', code: 'not-digits' }) }],
  ['POST /api/auth/password/reset', 'A A A A A A A', { once: true, body: () => ({ phone: '13777770000', code: '123456', newPassword: 'short' }) }],
  ['POST /api/auth/password', 'A A A A A A U', { once: true, body: () => ({ currentPassword: 'not-the-password', newPassword: 'long-enough-new-pw' }) }],
  ['POST /api/auth/terms/consent', 'A A A A A A U', { once: true, body: () => ({ version: '2020-01-01', accept: true }) }],
  ['POST /api/users', 'F F F F A R U', { body: (fx, tenant) => ({ username: `matrix-user-${next()}`, password: 'long-enough-pw', role: 'officer', displayName: '专员', regionCode: fx[tenant].district }) }],
  ['GET /api/users', 'F F F F A A U'],
  ['PATCH /api/users/{id}', 'F F F F A S U', { params: own('officerSpare'), body: () => ({ displayName: '改名专员' }) }],
  ['GET /api/health', 'A A A A A A A'],
  ['GET /api/employers', 'F A A F A A U'],
  ['POST /api/employers', 'F F A F A R U', {
    body: (fx, tenant) => ({
      name: `矩阵测试企业${next()}有限公司`, creditCode: makeCreditCode(`91460100MA${String(9_000_000 + next())}`), industryCode: '8514', sizeClass: 'small',
      ownership: 'private', regionCode: fx[tenant].district, address: '测试地址 1 号',
    }),
  }],
  ['GET /api/employers/{id}', 'F S S F A S U', { params: own('employer') }],
  ['PATCH /api/employers/{id}', 'F S S F A S U', { params: own('employer'), body: () => ({ contactName: '李经理' }) }],
  ['POST /api/employers/{id}/abnormal', 'F F F F A S U', { params: own('employer'), body: () => ({ abnormal: false }) }],
  ['GET /api/pairings', 'F F A F A A U'],
  ['POST /api/pairings', 'F F F F A S U', { body: (fx, tenant) => ({ officerId: fx[tenant].officer, employerId: fx[tenant].employer }) }],
  ['GET /api/pairings/workload', 'F F A F A S U', { query: (fx, tenant) => `officerId=${fx[tenant].officer}` }],
  ['POST /api/pairings/{id}/end', 'F F F F A S U', { params: own('pairingSpare') }],
  ['GET /api/shortages', 'F A A F A A U'],
  ['POST /api/shortages', 'F S S F A S U', { body: posting }],
  ['GET /api/shortages/overdue', 'F F A F A A U'],
  ['GET /api/shortages/review-queue', 'F F A F A A U', { query: (fx, t) => `region=${fx[t].region}&rule=G1&minDays=0` }],
  ['GET /api/shortages/{id}', 'F S S F A S U', { params: own('shortage') }],
  ['PATCH /api/shortages/{id}', 'F S S F A S U', { params: own('shortageDraft'), body: () => ({ title: '养老护理员（夜班）' }) }],
  ['POST /api/shortages/{id}/submit', 'F S S F A S U', { params: own('shortageSubmit'), body: () => ({}) }],
  // Out-of-scope ids are reported per row (NOT_FOUND in the item), so the route itself is open to every employer-side role.
  ['POST /api/shortages/submit-many', 'F A A F A A U', { body: () => ({ ids: ['00000000-0000-4000-8000-000000000017'] }) }],
  ['POST /api/shortages/{id}/copy', 'F S S F A S U', { params: own('shortage') }],
  ['POST /api/shortages/{id}/review', 'F F S F A S U', { params: own('shortageReview'), body: () => ({ decision: 'approve', reason: '已核实' }) }],
  ['POST /api/shortages/{id}/close', 'F S S F A S U', { params: own('shortageClose'), body: () => ({ reason: '招满' }) }],
  ['POST /api/screen', 'F A A A A A U', { body: () => ({ description: '负责老人生活照料，包食宿。', regionCode: '460100' }) }],
  ['GET /api/demand/summary', 'A A A A A A A'],
  ['GET /api/demand/training-needs', 'A A A A A A A'],
  ['GET /api/demand/outcomes', 'F F A A A R U', { query: (fx, tenant) => `region=${fx[tenant].region}` }],
  ['GET /api/audit-log', 'F F F F A A U'],
  ['GET /api/plan/catalogue', 'F F F F A A U'],
  ['GET /api/plan/targets', 'F F F F A S U', { query: (fx, t) => `reporter=${fx[t].region}&year=2026` }],
  ['PUT /api/plan/targets', 'F F F F A S U', { query: (fx, t) => `reporter=${fx[t].region}&year=2026`, body: () => ({ targets: [{ indicator: 'D4.hires', annualGoal: 100 }] }) }],
  ['GET /api/plan/reports', 'F F F F A S U', { query: (fx, t) => `reporter=${fx[t].region}&year=2026&quarter=2` }],
  ['POST /api/plan/reports', 'F F F F A S U', { body: (fx, t) => ({ reporter: fx[t].region, year: 2026, quarter: 1 }) }],
  ['GET /api/plan/reports/{id}', 'F F F F A S U', { params: own('planReport') }],
  ['PATCH /api/plan/reports/{id}', 'F F F F A S U', { params: own('planReport'), body: () => ({ narrative: { practices: '开展园区用工对接' } }) }],
  ['POST /api/plan/reports/{id}/submit', 'F F F F A S U', { params: own('planReport') }],
  ['POST /api/plan/reports/{id}/review', 'F F F F A F U', { params: own('planReport'), body: () => ({ decision: 'accept' }) }],
  ['POST /api/plan/reports/{id}/correct', 'F F F F A S U', { params: own('planReport'), body: () => ({ reason: '数据复核更正' }) }],
  ['GET /api/plan/compile', 'F F F F A F U', { query: () => 'year=2026&quarter=2' }],
  ['GET /api/plan/drilldown', 'F F F F A S U', { query: (fx, t) => `reporter=${fx[t].region}&year=2026&quarter=2&indicator=D4.hires` }],
  // 以工代赈 ledger and job-impact estimates (issue 20, part 6): a city's records; the province reviews estimates.
  ['GET /api/plan/work-relief/projects', 'F F F F A S U', { query: (fx, t) => `year=2026&reporter=${fx[t].region}` }],
  ['POST /api/plan/work-relief/projects', 'F F F F A S U', { body: (fx, t) => ({ reporter: fx[t].region, year: 2026, name: '矩阵测试以工代赈项目', fundsFen: 1_000_000 }) }],
  ['GET /api/plan/work-relief/projects/{id}', 'F F F F A S U', { params: own('workReliefProject') }],
  ['POST /api/plan/work-relief/projects/{id}/payments', 'F F F F A S U', {
    params: own('workReliefProject'),
    body: () => ({ payments: [{ workerName: '符小梅', workerId: makeResidentId('460203', '1990-01-01', String(100 + next()).padStart(3, '0')), account: '6228480012345678901', amountFen: 36_000, paidOn: '2026-06-30' }] }),
  }],
  ['GET /api/plan/job-impact/estimates', 'F F F F A A U'],
  ['POST /api/plan/job-impact/estimates', 'F F F F A S U', { body: (fx, t) => ({ reporter: fx[t].region, projectName: '矩阵测试工程', lines: [{ occupationCode: '4-10-01-05', year: 2027, quarter: 1, jobs: 5 }] }) }],
  ['GET /api/plan/job-impact/estimates/{id}', 'F F F F A S U', { params: own('jobImpactEstimate') }],
  ['PUT /api/plan/job-impact/estimates/{id}', 'F F F F A S U', { params: own('jobImpactEstimate'), body: () => ({ projectName: '矩阵测试工程', lines: [{ occupationCode: '4-10-01-05', year: 2027, quarter: 2, jobs: 8 }] }) }],
  ['POST /api/plan/job-impact/estimates/{id}/review', 'F F F F A F U', { params: own('jobImpactEstimate'), body: () => ({ decision: 'return', reason: '请补充分季度岗位测算依据' }) }],
  ['GET /api/plan/job-impact/forecast', 'F F F F A A U', { query: () => 'year=2026' }],
  ['GET /api/shortages/{id}/candidates', 'F S S F A S U', { params: own('shortage') }],
  ['POST /api/shortages/{id}/candidates/{seekerId}/send', 'F F S F A S U', { params: (fx, t) => ({ id: fx[t].shortage, seekerId: fx[t].seeker }) }],
  ['POST /api/shortages/{id}/candidates/{seekerId}/dismiss', 'F F S F A S U', { params: (fx, t) => ({ id: fx[t].shortage, seekerId: fx[t].seeker }), body: () => ({ reason: '不合适' }) }],
  ['POST /api/matching/runs', 'F F F F A F U'],
  ['GET /api/matching/runs', 'F F F F A A U'],
  ['GET /api/matching/runs/{id}', 'F F F F A A U', { params: (fx) => ({ id: fx.runId }) }],
  ['POST /api/subsidies/payment-batches', 'F F F F A F U'],
  ['GET /api/subsidies/payment-batches', 'F F F F A F U'],
  ['GET /api/subsidies/payment-batches/{id}', 'F F F F A F U', { params: (fx) => ({ id: fx.paymentBatch }) }],
  ['GET /api/subsidies/payment-batches/{id}/export', 'F F F F A F U', { params: (fx) => ({ id: fx.paymentBatch }) }],
  ['POST /api/subsidies/payment-batches/{id}/return', 'F F F F A F U', { params: (fx) => ({ id: fx.paymentBatch }) }],
  ['POST /api/subsidies/payment-batches/{id}/cancel', 'F F F F A F U', { params: (fx) => ({ id: fx.paymentBatch }) }],
  ['GET /api/subsidies/fund-ledger', 'F F F F A F U', { query: () => 'from=2026-01&to=2026-12' }],
  ['GET /api/subsidies/suspicious-cases', 'F F F F A F U'],
  ['POST /api/subsidies/suspicious-cases/{id}/resolve', 'F F F F A F U', { params: (fx) => ({ id: fx.suspiciousCase }), body: () => ({ note: '已核实，无异常' }) }],
  ['GET /api/notifications', 'A A A A A A U'],
  ['POST /api/notifications/{id}/read', 'S S S S S S U', { params: (fx, t, role) => ({ id: fx.notifications[t === 'A' ? role : 'other'] ?? fx.notifications.other }) }],
  ['GET /api/taxonomy/occupations', 'A A A A A A A'],
  ['GET /api/taxonomy/occupations/suggest', 'A A A A A A A', { query: () => `title=${encodeURIComponent('厨师')}` }],
  ['GET /api/taxonomy/industries', 'A A A A A A A'],
  ['GET /api/taxonomy/certificates', 'A A A A A A A'],
  ['GET /api/taxonomy/regions', 'A A A A A A A'],
  ['GET /api/taxonomy/skills', 'A A A A A A A'],
  ['GET /api/geocode', 'A A A A A A U', { query: (fx, tenant) => `address=${encodeURIComponent('长流镇长德大道 8 号')}&regionCode=${fx[tenant].district}` }],
  ['GET /api/geocode/townships', 'A A A A A A A', { query: (fx, tenant) => `regionCode=${fx[tenant].district}` }],
  ['POST /api/seekers/register', 'A A A A A A A', { once: true, body: (fx, t) => ({ ...profile(fx, t), username: `matrix-seeker-${next()}`, password: 'long-enough-pw' }) }],
  ['POST /api/seekers', 'F F A A A R U', { body: profile }],
  ['GET /api/seekers/me', 'A F F F F F U'],
  ['PATCH /api/seekers/me', 'A F F F F F U', { body: () => ({ travelRadiusKm: 25 }) }],
  ['PUT /api/seekers/me/consent', 'A F F F F F U', { body: () => ({ consentSensitiveMatching: true }) }],
  ['GET /api/seekers/me/export', 'A F F F F F U'],
  ['GET /api/seekers/me/export.xlsx', 'A F F F F F U'],
  ['POST /api/seekers/me/reveal', 'A F F F F F U'],
  ['GET /api/seekers/{id}', 'S F S F A S U', { params: own('seeker') }],
  ['POST /api/seekers/{id}/priority-groups/{group}/verify', 'F F S F A S U', { params: (fx, t) => ({ id: fx[t].seeker, group: 'poverty_alleviated' }) }],
  ['POST /api/applications', 'A F F F F F U', { body: (fx, t) => ({ shortageId: fx[t].shortage }) }],
  ['GET /api/applications', 'A A A F A A U'],
  ['GET /api/applications/{id}', 'S S S F A S U', { params: own('application') }],
  ['POST /api/applications/{id}/status', 'S S S F A S U', { params: own('application'), body: () => ({ status: 'viewed' }) }],
  ['POST /api/applications/{id}/share-contact', 'S F F F F F U', { params: own('application') }],
  ['GET /api/jobs/search', 'A A A A A A A'],
  ['GET /api/jobs/{id}', 'A A A A A A A', { params: own('shortage') }],
  ['GET /api/seekers/search', 'F F A A A A U'],
  ['GET /api/seekers/me/recommendations', 'A F F F F F U'],
  ['GET /api/seekers/me/training-referrals', 'A F F F F F U'],
  ['POST /api/seekers/me/recommendations/{shortageId}/not-interested', 'A F F F F F U', { params: (fx, t) => ({ shortageId: fx[t].shortage }), body: () => ({}) }],
  ['GET /api/shortages/import/template', 'F F A F A A U'],
  ['POST /api/shortages/import', 'F F A F A A U'],
  ['GET /api/shortages/import/{id}', 'F F S F A S U', { params: own('importJob') }],
  ['GET /api/shortages/export', 'F A A F A A U'],
  ['GET /api/stations', 'F F A A A A U'],
  ['POST /api/stations', 'F F F F A R U', {
    body: (fx, t) => ({ name: '矩阵就业驿站', type: 'employment_station', regionCode: fx[t].district, address: '测试地址 2 号', lat: 18.25, lng: 109.51, capacity: 50, booths: 5 }),
  }],
  ['GET /api/stations/{id}', 'F F S S A S U', { params: own('station') }],
  ['PATCH /api/stations/{id}', 'F F F F A S U', { params: own('station'), body: () => ({ openingHours: '周一至周六 8:30-17:30' }) }],
  ['GET /api/stations/{id}/staff', 'F F F F A S U', { params: own('station') }],
  ['POST /api/stations/{id}/staff', 'F F F F A S U', { params: own('station'), body: (fx, t) => ({ userId: fx[t].staffSpare }) }],
  ['DELETE /api/stations/{id}/staff/{userId}', 'F F F F A S U', { params: (fx, t) => ({ id: fx[t].station, userId: fx[t].staffSpare }) }],
  ['GET /api/events', 'A A A A A A U'],
  ['POST /api/events', 'F F F S A S U', {
    // A day per role: a station holds one event a day, and the roles of a row run side by side.
    body: (fx, t, role) => ({ stationId: fx[t].station, title: '矩阵专场招聘会', type: 'on_site', date: inDays(20 + ROLES.indexOf(role)), startTime: '09:00', endTime: '12:00', capacity: 30 }),
  }],
  ['POST /api/events/plan', 'F F F F A F U'],
  ['GET /api/events/{id}', 'A S S S A S U', { params: own('event') }],
  ['PATCH /api/events/{id}', 'F F F S A S U', { params: own('event'), body: () => ({ description: '现场提供岗位咨询' }) }],
  ['POST /api/events/{id}/accept', 'F F F S A S U', { params: own('event') }],
  ['POST /api/events/{id}/reject', 'F F F S A S U', { params: own('eventReject'), body: () => ({ reason: '场地冲突' }) }],
  ['POST /api/events/reject', 'F F F S A S U', { body: (fx, t) => ({ ids: [fx[t].eventReject], reason: '本周场地已另有安排' }) }],
  ['POST /api/events/merge', 'F F F S A S U', { body: (fx, t) => ({ ids: [fx[t].eventReject] }) }],
  ['POST /api/events/{id}/publish', 'F F F S A S U', { params: own('event') }],
  ['POST /api/events/{id}/cancel', 'F F F S A S U', { params: own('eventCancel'), body: () => ({ reason: '天气原因' }) }],
  ['POST /api/events/{id}/complete', 'F F F S A S U', { params: own('eventComplete') }],
  ['GET /api/events/{id}/calendar', 'A S S S A S U', { params: own('event') }],
  ['POST /api/events/{id}/invitations', 'F F F S A S U', { params: (fx) => ({ id: fx.A.event }), body: (fx, t, role) => ({ seekerIds: [fx[t].invitees[role]] }) }],
  ['GET /api/events/{id}/invitations', 'F F S S A S U', { params: own('event') }],
  ['POST /api/events/{id}/invitations/respond', 'A A A A A A A', { params: own('event'), body: () => ({ token: 'v1.i.not-a-token', answer: 'accept' }) }],
  ['GET /api/events/{id}/registrations', 'A F S S A S U', { params: own('event') }],
  ['GET /api/events/{id}/registrations/mine', 'S F F F F F U', { params: own('event') }],
  ['GET /api/events/{id}/registrations/mine/ticket.png', 'S F F F F F U', { params: own('event') }],
  ['POST /api/events/{id}/registrations/mine/cancel', 'S F F F F F U', { params: own('event') }],
  ['POST /api/events/{id}/registrations', 'A F F F F F U', { params: own('event') }],
  // Check-in and invitations: the tenant is the seeker's, on the caller's own event (a walk-in or an invitee by id).
  ['POST /api/events/{id}/checkins', 'F F F S A S U', { params: (fx) => ({ id: fx.A.event }), body: (fx, t, role) => ({ seekerId: fx[t].walkIns[role] }) }],
  ['GET /api/events/{id}/checkins', 'F F S S A S U', { params: own('event') }],
  ['POST /api/events/{id}/outcomes', 'F S F S A S U', { params: own('event'), body: (fx, t) => ({ seekerId: fx[t].seeker, shortageId: fx[t].shortage, stage: 'talked' }) }],
  ['GET /api/events/{id}/outcomes', 'F S S S A S U', { params: own('event') }],
  ['GET /api/events/{id}/report', 'F F S S A S U', { params: own('event') }],
  ['POST /api/warnings/firm-reports', 'F S S F A S U', {
    body: (fx, tenant) => ({
      employerId: fx[tenant].employer, month: lastMonth(), enrolmentHeadcount: 100, previousHeadcount: 100, headcount: 99, additions: 0, reductions: { natural: 1 },
    }),
  }],
  ['GET /api/warnings/firm-reports', 'F S S F A S U', { query: (fx, tenant) => `employerId=${fx[tenant].employer}` }],
  ['POST /api/warnings/layoff-reports', 'F S S F A S U', {
    body: (fx, tenant) => ({ employerId: fx[tenant].employer, count: 3, staff: 500, occupations: ['4-10-01-05'], effectiveDate: inDays(40) }),
  }],
  ['GET /api/warnings/layoff-reports/{id}', 'F S S F A S U', { params: own('layoffReport') }],
  ['POST /api/warnings/imports', 'F F F F A A U', { once: true, query: () => 'kind=rates', body: () => ({}) }],
  ['GET /api/warnings/alerts', 'F F A F A A U'],
  ['GET /api/warnings/alerts/{id}', 'F F S F A S U', { params: own('warningAlert') }],
  ['POST /api/warnings/alerts/{id}/acknowledge', 'F F S F A S U', { params: own('warningAlert'), body: () => ({ department: 'finance' }) }],
  ['GET /api/warnings/cases', 'F F A F A A U'],
  ['GET /api/warnings/cases/{id}', 'F F S F A S U', { params: own('warningCase') }],
  ['POST /api/warnings/cases/{id}/tasks/{taskId}/done', 'F F S F A S U', { params: (fx, t) => ({ id: fx[t].warningCase, taskId: fx[t].warningTask }) }],
  ['POST /api/warnings/cases/{id}/people', 'F F S F A S U', { params: own('warningCase'), body: (fx, tenant) => ({ seekerIds: [fx[tenant].seeker], laidOffOn: inDays(0) }) }],
  ['GET /api/warnings/measures', 'F F A F A A U'],
  ['GET /api/warnings/workbook', 'F F A F A A U', { query: () => 'month=2026-10' }],
  ['GET /api/subsidy-claims', 'A A A F A A U'],
  ['GET /api/subsidy-claims/notice-list', 'F F A F A A U'],
  ['POST /api/subsidy-claims/recheck-candidates', 'F F A F A A U'],
  ['POST /api/subsidy-claims', 'F A S F A S U', {
    // An employer files for itself (the employerId is ignored); officers and administrators name an employer of their region.
    body: (fx, t) => ({ personName: '符小梅', idNumber: makeResidentId('460203', '2001-02-03', String(100 + next()).padStart(3, '0')), hireDate: '2025-06-15', contractEnd: null, employerId: fx[t].employer }),
  }],
  ['GET /api/subsidy-claims/{id}', 'S S S F A S U', { params: own('claim') }],
  ['POST /api/subsidy-claims/{id}/submit', 'F S S F A S U', { params: own('claimDraft') }],
  ['POST /api/subsidy-claims/{id}/confirm', 'F S F F F F U', { params: own('claimCandidate'), body: () => ({ contractEnd: null }) }],
  ['POST /api/subsidy-claims/{id}/recheck', 'F F S F A S U', { params: own('claim') }],
  ['POST /api/subsidy-claims/{id}/review', 'F F S F A S U', { params: own('claim'), body: () => ({ decision: 'refuse', reasonsZh: '缺少劳动合同' }) }],
  ['POST /api/subsidy-claims/{id}/objection', 'F F S F A S U', { params: own('claim'), body: () => ({ reasonsZh: '群众反映未实际到岗' }) }],
  ['POST /api/subsidy-claims/{id}/objection/decision', 'F F F F A S U', { params: own('claim'), body: () => ({ decision: 'dismiss', reasonsZh: '经核实不属实' }) }],
  ['POST /api/subsidy-claims/{id}/appeal', 'S S S F A S U', { params: own('claim'), body: () => ({ reasonsZh: '已补充劳动合同' }) }],
  ['POST /api/subsidy-claims/{id}/appeal/decision', 'F F F F A S U', { params: own('claim'), body: () => ({ decision: 'dismiss', reasonsZh: '材料不足' }) }],
  ['POST /api/subsidy-claims/{id}/recover', 'F F F F A S U', { params: own('claim'), body: () => ({ reasonsZh: '骗取补贴' }) }],
  ['POST /api/subsidy-claims/{id}/withdraw', 'F S S F A S U', { params: own('claimDraft') }],
  // Last: the seeker deletes their own profile (and account).
  ['DELETE /api/seekers/me', 'A F F F F F U'],
];

describe('route × role × tenant matrix', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let fx: Fixtures;
  const clients = {} as Record<Role, HttpClient>;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    fx = await buildFixtures();
  }, 60_000);
  afterAll(() => t.close());

  async function signIn(userId: string): Promise<HttpClient> {
    const [{ username }] = await dataSource.query(`SELECT username FROM app_user WHERE id = $1`, [userId]);
    return http.login(username, TEST_PASSWORD);
  }

  async function shortage(employerId: string, district: string, status: ShortageStatus): Promise<string> {
    const saved = await dataSource.getRepository(Shortage).save({
      employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 3, wageMin: 4500, wageMax: 6500,
      workType: 'full_time' as const, regionCode: district, address: '测试地址 8 号', lat: 19.5, lng: 110, startDate: inDays(5), deadline: inDays(60),
      description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。包食宿，缴纳五险。', status,
      ...(status === 'open' ? { publishedAt: new Date() } : {}),
    });
    return saved.id;
  }

  async function buildTenant(tenant: Tenant, province: HttpClient): Promise<TenantFixtures> {
    const region = tenant === 'A' ? '460200' : '460100';
    const district = tenant === 'A' ? '460203' : '460106';
    const lat = tenant === 'A' ? 18.25 : 20.02;
    const lng = tenant === 'A' ? 109.51 : 110.32;
    const employer = await factories.employer({ regionCode: district, lat, lng });
    const seeker = await factories.seeker({ regionCode: district, lat, lng, priorityGroups: [{ group: 'poverty_alleviated', evidence: '脱贫人口信息系统登记' }] } as never);
    const officer = await factories.user('officer', { regionCode: region });
    await factories.pairing(officer.id, employer.id);
    const officerSpare = await factories.user('officer', { regionCode: district });
    const pairingSpare = await factories.pairing(officerSpare.id, employer.id);
    const staffSpare = await factories.user('station_staff', { regionCode: region });
    const main = await shortage(employer.id, district, 'open');
    const application = await dataSource.getRepository(Application).save({
      seekerId: seeker.id, shortageId: main, status: 'applied' as const, history: [{ status: 'applied' as const, at: new Date().toISOString(), actorId: officer.id }],
    });
    const station = await province.post('/api/stations', {
      name: `${tenant} 就业驿站`, type: 'employment_station', regionCode: district, address: '测试地址 3 号', lat, lng, capacity: 200, booths: 10,
    });
    expect(station.status).toBe(201);
    const event = async (days: number) => {
      const created = await province.post('/api/events', {
        stationId: station.body.id, title: `${tenant} 专场招聘会`, type: 'on_site', date: inDays(days), startTime: '09:00', endTime: '12:00', capacity: 100,
        employers: [{ employerId: employer.id, booth: 'A1', shortageIds: [main] }],
      });
      expect(created.status).toBe(201);
      expect((await province.post(`/api/events/${created.body.id}/publish`)).status).toBe(200);
      return created.body.id as string;
    };
    const seekersByRole = async () =>
      Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await factories.seeker({ regionCode: district, lat, lng })).id]))) as Record<Role, string>;
    const [job] = await dataSource.query(
      `INSERT INTO import_job (kind, status, mode, file, file_name, requested_by, requested_role, finished_at)
       VALUES ('shortages', 'done', 'upsert', '\\x00', 'matrix.xlsx', $1, 'officer', now()) RETURNING id`,
      [officer.id],
    );
    const [planReport] = await dataSource.query(`INSERT INTO plan_report (reporter, year, quarter) VALUES ($1, 2026, 2) RETURNING id`, [region]);
    const [workReliefProject] = await dataSource.query(`INSERT INTO work_relief_project (reporter, year, name, funds_fen) VALUES ($1, 2026, '矩阵项目', 1000000) RETURNING id`, [region]);
    const [jobImpactEstimate] = await dataSource.query(
      `INSERT INTO job_impact_estimate (reporter, project_name, lines) VALUES ($1, '矩阵工程', '[{"occupationCode":"4-10-01-05","year":2027,"quarter":1,"jobs":5}]') RETURNING id`, [region],
    );
    const [layoff] = await dataSource.query(
      `INSERT INTO warning_layoff_report (employer_id, region_code, industry_code, count, occupations, effective_date, reportable, check_result, filed_via)
       VALUES ($1, $2, '8514', 25, '{4-10-01-05}', $3, true, '{"reportId":"x","reportable":true,"reachedBy":"count","windowTotal":25,"windowReportIds":[],"noticeDays":null,"checks":[]}', 'officer')
       RETURNING id`,
      [employer.id, district, inDays(40)],
    );
    const [alert] = await dataSource.query(
      `INSERT INTO warning_alert (key, kind, region_code, month, level, tier, raised_tier, evidence, raised_at)
       VALUES ($1, 'monthly', $2, '2026-10', 'IV', 'county', 'county', '{"indicators":[],"figures":{},"drivers":[],"heldBySingleSignal":false,"history":[]}', now()) RETURNING id`,
      [`matrix:${tenant}`, district],
    );
    const [responseCase] = await dataSource.query(
      `INSERT INTO warning_response_case (alert_id, layoff_report_id, employer_id, region_code) VALUES ($1, $2, $3, $4) RETURNING id`,
      [alert.id, layoff.id, employer.id, district],
    );
    const [task] = await dataSource.query(
      `INSERT INTO warning_response_task (case_id, code, title_zh, title_en, owner) VALUES ($1, 'register_people', '登记被裁减人员', 'Register the people laid off', 'hrss') RETURNING id`,
      [responseCase.id],
    );
    const claim = async (status: string, offered = false): Promise<string> => {
      const [row] = await dataSource.query(
        `INSERT INTO subsidy_claim (rule, status, origin, claimant_kind, claimant_id, subject_key, region_code, details, offered_at)
         VALUES ('G1', $1, 'apply_free', 'employer', $2, $3, $4, $5, $6) RETURNING id`,
        [status, employer.id, `matrix-${tenant}-${next()}`, district, JSON.stringify({ seekerId: seeker.id, employerId: employer.id, personName: '符小梅', hireDate: '2025-06-15' }), offered ? new Date() : null],
      );
      return row.id;
    };
    return {
      planReport: planReport.id, workReliefProject: workReliefProject.id, jobImpactEstimate: jobImpactEstimate.id, layoffReport: layoff.id, warningAlert: alert.id, warningCase: responseCase.id,
      warningTask: task.id,
      claim: await claim('county_review'), claimDraft: await claim('draft'), claimCandidate: await claim('candidate', true),
      employer: employer.id, seeker: seeker.id, shortage: main, application: application.id, station: station.body.id,
      shortageDraft: await shortage(employer.id, district, 'draft'), shortageSubmit: await shortage(employer.id, district, 'draft'),
      shortageReview: await shortage(employer.id, district, 'screening'), shortageClose: await shortage(employer.id, district, 'open'),
      event: await event(2), eventReject: await event(3), eventCancel: await event(4), eventComplete: await event(5),
      walkIns: await seekersByRole(), invitees: await seekersByRole(),
      officer: officer.id, officerSpare: officerSpare.id, staffSpare: staffSpare.id, pairingSpare: pairingSpare.id, importJob: job.id, region, district,
    };
  }

  async function buildFixtures(): Promise<Fixtures> {
    const provinceUser = await factories.user('admin');
    const province = await http.login(provinceUser.username, TEST_PASSWORD);
    const [A, B] = await Promise.all([buildTenant('A', province), buildTenant('B', province)]);
    const [seeker, employer, staff, regional, seekerB, employerB, staffB] = await Promise.all([
      factories.user('seeker', { seekerId: A.seeker }),
      factories.user('employer', { employerId: A.employer }),
      factories.user('station_staff', { regionCode: '460200' }),
      factories.user('admin', { regionCode: '460200' }),
      factories.user('seeker', { seekerId: B.seeker }),
      factories.user('employer', { employerId: B.employer }),
      factories.user('station_staff', { regionCode: '460100' }),
      factories.user('officer', { username: 'matrix-login' }),
    ]);
    const users = {
      seeker: seeker.id, employer: employer.id, officer: A.officer, staff: staff.id, province: provinceUser.id, regional: regional.id, anonymous: '',
      officerB: B.officer, seekerB: seekerB.id, employerB: employerB.id, staffB: staffB.id,
    };
    expect((await province.post(`/api/stations/${A.station}/staff`, { userId: users.staff })).status).toBe(204);
    expect((await province.post(`/api/stations/${B.station}/staff`, { userId: users.staffB })).status).toBe(204);
    const run = await province.post('/api/matching/runs');
    expect(run.status).toBe(202);

    const notifications: Record<string, string> = {};
    for (const [key, userId] of [...ROLES.filter((r) => r !== 'anonymous').map((r) => [r, users[r]]), ['other', users.officerB]]) {
      const [row] = await dataSource.query(
        `INSERT INTO notification (user_id, kind, title_zh, title_en, body_zh, body_en, dedupe_key) VALUES ($1, 'test', '通知', 'Notice', '内容', 'Body', $2) RETURNING id`,
        [userId, `matrix:${key}`],
      );
      notifications[key] = row.id;
    }
    await Promise.all(ROLES.filter((role) => role !== 'anonymous').map(async (role) => (clients[role] = await signIn(users[role]))));
    clients.anonymous = http;
    // Each tenant's seeker is registered for their tenant's main event.
    expect((await clients.seeker.post(`/api/events/${A.event}/registrations`)).status).toBe(201);
    expect((await (await signIn(users.seekerB)).post(`/api/events/${B.event}/registrations`)).status).toBe(201);
    await dataSource.query(`INSERT INTO subsidy_payment_batch (id, status, row_count, total_fen) VALUES ('PB20261207A0B1C2D3', 'open', 0, 0)`);
    const [claim] = await dataSource.query(`INSERT INTO subsidy_claim (rule, status, origin, claimant_kind, subject_key) VALUES ('G1', 'submitted', 'applied', 'employer', 'matrix-person') RETURNING id`);
    const [fraudCase] = await dataSource.query(
      `INSERT INTO subsidy_suspicious_case (claim_id, code, fingerprint, reason_zh, reason_en, source) VALUES ($1, 'RELATED_PARTY', 'matrix', '测试', 'test', 'submission') RETURNING id`, [claim.id]);
    return { users, A, B, runId: run.body.id, notifications, paymentBatch: 'PB20261207A0B1C2D3', suspiciousCase: fraudCase.id };
  }

  function outcomeOf(response: TestResponse): Outcome {
    if (response.status === 401) return '401';
    if (response.status === 403) return '403';
    if (response.status === 404 && NOT_FOUND_CODES.includes(response.body?.code)) return '404';
    return 'allowed';
  }

  function expected(cell: string, tenant: Tenant): Outcome {
    switch (cell) {
      case 'A':
        return 'allowed';
      case 'S':
        return tenant === 'A' ? 'allowed' : '404';
      case 'R':
        return tenant === 'A' ? 'allowed' : '403';
      case 'F':
        return '403';
      case 'U':
        return '401';
      default:
        throw new Error(`unknown cell ${cell}`);
    }
  }

  it('every route in the OpenAPI document has a row, and every row a route', async () => {
    const spec = await http.get('/docs/openapi.json');
    expect(spec.status).toBe(200);
    const documented = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const rows = MATRIX.map(([route]) => route);
    expect(documented.filter((route) => !rows.includes(route))).toEqual([]);
    expect(rows.filter((route) => !documented.includes(route))).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
    for (const [route, cells] of MATRIX) expect([route, cells.split(' ').length]).toEqual([route, ROLES.length]);
  });

  it('every role gets the promised outcome on its own and on another tenant’s records', async () => {
    const mismatches: string[] = [];
    let requests = 0;

    /** One row: its roles side by side, each role's other and own tenant in turn. */
    async function runRow([route, cells, call = {}]: (typeof MATRIX)[number]): Promise<void> {
      const [method, template] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
      const tenantBound = !call.once && !!(call.params || call.query || call.body);
      const roleCells = cells.split(' ');
      await Promise.all(
        ROLES.map(async (role, index) => {
          const refused = roleCells[index] === 'F' || roleCells[index] === 'U';
          const tenants: Tenant[] = tenantBound && !refused ? ['B', 'A'] : ['A'];
          for (const tenant of tenants) {
            const params = call.params?.(fx, tenant, role) ?? {};
            let url = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
            if (call.query) url += `?${call.query(fx, tenant)}`;
            const response = await clients[role].request(method, url, call.body?.(fx, tenant, role), call.headers);
            requests++;
            const want = expected(roleCells[index], tenant);
            const got = outcomeOf(response);
            if (got !== want) mismatches.push(`${route} as ${role} on ${tenant}: expected ${want}, got ${response.status} ${response.body?.code ?? ''}`);
            if (response.status >= 500) mismatches.push(`${route} as ${role} on ${tenant}: ${response.status}`);
          }
        }),
      );
    }

    // Reads change nothing: they run first, four rows at a time, on the state the fixtures set up. Then the writes,
    // one row after another in the table's order (a row may depend on what an earlier one changed).
    const reads = MATRIX.filter(([route]) => route.startsWith('GET '));
    for (let i = 0; i < reads.length; i += 4) await Promise.all(reads.slice(i, i + 4).map(runRow));
    for (const row of MATRIX.filter(([route]) => !route.startsWith('GET '))) await runRow(row);

    expect(mismatches).toEqual([]);
    expect(requests).toBeGreaterThan(600);
  }, 120_000);
});
