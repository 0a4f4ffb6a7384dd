import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { OutboxService } from '@app/database';
import { AppError } from '@app/errors';
import {
  checkBursts, checkExclusions, checkHeadcountGrowth, checkImpossibleDates, checkRehire, checkRelatedParty, checkSamePerson, checkSharedContacts,
  DEFAULT_FRAUD_PARAMETERS, DEFAULT_SAMPLE_PARAMETERS, drawPostPaymentSample, FraudClaim, FraudContext, FraudFacts, FraudParameters, Finding, SampleParameters,
} from '../core';
import { SubsidyClaimFacts, SubsidySuspiciousCase, SuspiciousCaseStatus } from './fraud-records.entity';

/** Claims that count for the checks: submitted or further, not refused or withdrawn. */
const LIVE = `c.status NOT IN ('candidate', 'draft', 'refused', 'withdrawn')`;

/** Every live claim with its facts and payee keys, as the pure checks see it (inlined, so a one-claim query stays indexed). */
const LIVE_CTE = `live AS NOT MATERIALIZED (
  SELECT c.id AS claim_id, c.rule, coalesce(c.claimant_id::text, f.person_key, c.subject_key) AS claimant_key,
    f.person_key, f.employer_key, f.legal_rep_key, f.hire_date, f.contract_start, f.contract_months, coalesce(f.open_ended, false) AS open_ended,
    f.graduation_date, f.insurance_start, f.certificate_issuer, f.certificate_date, f.officer_id,
    (c.created_at AT TIME ZONE 'Asia/Shanghai')::date AS filed_on,
    p.account_index, p.phone_index, p.address_key
  FROM subsidy_claim c LEFT JOIN subsidy_claim_facts f ON f.claim_id = c.id LEFT JOIN subsidy_payee p ON p.claim_id = c.id
  WHERE ${LIVE})`;

/** A live row as the pure checks' FraudClaim (JSON). */
const claimJson = (a: string) => `jsonb_build_object('claimId', ${a}.claim_id, 'rule', ${a}.rule, 'claimantKey', ${a}.claimant_key,
  'personKey', ${a}.person_key, 'employerKey', ${a}.employer_key, 'legalRepKey', ${a}.legal_rep_key, 'hireDate', ${a}.hire_date::text,
  'contractStart', ${a}.contract_start::text, 'contractMonths', ${a}.contract_months, 'openEnded', ${a}.open_ended,
  'graduationDate', ${a}.graduation_date::text, 'insuranceStart', ${a}.insurance_start::text,
  'accountIndex', ${a}.account_index, 'phoneIndex', ${a}.phone_index, 'addressKey', ${a}.address_key)`;

type Mode = { kind: 'claims'; ids: string[] } | { kind: 'nightly' };
type Hit = { claim: FraudClaim; ctx: unknown };

interface CheckQuery {
  name: string;
  /** `hits (claim_id, ctx)` for the subjects (`scope` restricts them in one-claim mode). */
  hits: (mode: Mode, p: FraudParameters) => string;
  run: (claim: FraudClaim, ctx: never, p: FraudParameters) => Finding[];
}

const scope = (mode: Mode, a = 's') => (mode.kind === 'claims' ? `${a}.claim_id = ANY($1::uuid[])` : 'true');
const hiring = (p: FraudParameters) => `ARRAY[${p.hiringRules.map((r) => `'${r.replace(/'/g, '')}'`).join(',')}]::text[]`;
const others = (key: string, limit = 200) => `(SELECT jsonb_agg(x.c) FROM (
    SELECT DISTINCT ON (o.claimant_key) ${claimJson('o')} AS c FROM live o WHERE o.${key} = s.${key} AND o.claim_id <> s.claim_id ORDER BY o.claimant_key, o.claim_id LIMIT ${limit}) x)`;
const insuredJson = `jsonb_agg(jsonb_build_object('month', to_char(m.month, 'YYYY-MM'), 'employerKey', m.employer_key))`;

/** Each check as a set-based query over every live claim (nightly) or over the given claims (on submission), and the pure check that reads its result. */
const CHECK_QUERIES: CheckQuery[] = [
  {
    name: 'same person',
    hits: (mode) => `SELECT s.claim_id, (SELECT jsonb_agg(${claimJson('o')}) FROM live o WHERE o.person_key = s.person_key AND o.claim_id <> s.claim_id) AS ctx
      FROM live s WHERE ${scope(mode)} AND s.person_key IS NOT NULL
      ${mode.kind === 'nightly' ? `AND s.person_key IN (SELECT person_key FROM subsidy_claim_facts WHERE person_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1)` : ''}`,
    run: (claim, ctx: FraudClaim[] | null, p) => checkSamePerson(claim, { samePerson: ctx ?? [] }, p),
  },
  {
    name: 'impossible dates',
    hits: (mode, p) => `SELECT s.claim_id, NULL::jsonb AS ctx FROM live s WHERE ${scope(mode)} AND (s.contract_start < s.graduation_date
      OR date_trunc('month', s.insurance_start) < date_trunc('month', s.contract_start)
      OR (s.rule = ANY(${hiring(p)}) AND NOT s.open_ended AND s.contract_months < ${p.minContractMonths}))`,
    run: (claim, _ctx, p) => checkImpossibleDates(claim, {}, p),
  },
  {
    name: 'rehire',
    hits: (mode, p) => `SELECT s.claim_id, ${insuredJson} AS ctx
      FROM live s JOIN subsidy_insured_month m ON m.person_key = s.person_key
        AND m.month >= date_trunc('month', s.hire_date) - interval '${p.rehireLookbackMonths} months' AND m.month < date_trunc('month', s.hire_date)
      WHERE ${scope(mode)} AND s.rule = ANY(${hiring(p)}) AND s.employer_key IS NOT NULL
        AND (m.employer_key = s.employer_key OR (s.legal_rep_key IS NOT NULL AND EXISTS (
          SELECT 1 FROM subsidy_claim_facts r WHERE r.legal_rep_key = s.legal_rep_key AND r.employer_key = m.employer_key)))
      GROUP BY s.claim_id`,
    run: (claim, ctx: { month: string; employerKey: string }[], p) =>
      checkRehire(claim, { insured: ctx, relatedEmployers: ctx.map((m) => m.employerKey).filter((e) => e !== claim.employerKey) }, p),
  },
  ...(['account_index', 'phone_index', 'address_key'] as const).map((key): CheckQuery => ({
    name: `shared ${key}`,
    hits: (mode, p) => `SELECT s.claim_id, ${others(key)} AS ctx FROM live s WHERE ${scope(mode)} AND s.${key} IS NOT NULL
      ${mode.kind === 'nightly' ? `AND s.${key} IN (SELECT ${key} FROM subsidy_payee WHERE ${key} IS NOT NULL GROUP BY 1 HAVING count(*) >= ${p.sharedContactThreshold})` : ''}`,
    run: (claim, ctx: FraudClaim[] | null, p) => {
      const field = key === 'account_index' ? 'sameAccount' : key === 'phone_index' ? 'samePhone' : 'sameAddress';
      return checkSharedContacts({ ...claim, ...(field !== 'sameAccount' && { accountIndex: null }), ...(field !== 'samePhone' && { phoneIndex: null }), ...(field !== 'sameAddress' && { addressKey: null }) }, { [field]: ctx ?? [] }, p);
    },
  })),
  {
    name: 'headcount growth',
    hits: (mode, p) =>
      mode.kind === 'claims'
        ? `SELECT s.claim_id, jsonb_build_object(
            'before', (SELECT count(*) FROM subsidy_insured_month m WHERE m.employer_key = s.employer_key AND m.month = date_trunc('month', s.hire_date) - interval '12 months'),
            'after', (SELECT count(*) FROM subsidy_insured_month m WHERE m.employer_key = s.employer_key AND m.month = date_trunc('month', s.hire_date)),
            'claimed', (SELECT count(*) FROM live o WHERE o.employer_key = s.employer_key AND o.rule = ANY(${hiring(p)})
              AND o.hire_date >= date_trunc('month', s.hire_date) - interval '11 months' AND o.hire_date < date_trunc('month', s.hire_date) + interval '1 month')) AS ctx
          FROM live s WHERE ${scope(mode)} AND s.rule = ANY(${hiring(p)}) AND s.employer_key IS NOT NULL AND s.hire_date IS NOT NULL`
        : `SELECT s.claim_id, jsonb_build_object('before', w.before, 'after', w.after, 'claimed', w.claimed) AS ctx
          FROM (
            SELECT w.employer_key, w.month, w.claimed,
              (SELECT count(*) FROM subsidy_insured_month m WHERE m.employer_key = w.employer_key AND m.month = w.month - interval '12 months') AS before,
              (SELECT count(*) FROM subsidy_insured_month m WHERE m.employer_key = w.employer_key AND m.month = w.month) AS after
            FROM (
              SELECT employer_key, month, sum(n) OVER (PARTITION BY employer_key ORDER BY month RANGE BETWEEN INTERVAL '11 months' PRECEDING AND CURRENT ROW) AS claimed
              FROM (SELECT employer_key, date_trunc('month', hire_date)::date AS month, count(*) AS n FROM live
                    WHERE rule = ANY(${hiring(p)}) AND employer_key IS NOT NULL AND hire_date IS NOT NULL GROUP BY 1, 2) cl
            ) w
          ) w JOIN live s ON s.employer_key = w.employer_key AND date_trunc('month', s.hire_date) = w.month AND s.rule = ANY(${hiring(p)})
          WHERE w.claimed > greatest(w.after - w.before, 0)`,
    run: (claim, ctx: { before: number; after: number; claimed: number }, p) => checkHeadcountGrowth(claim, { headcount: { before: Number(ctx.before), after: Number(ctx.after), claimed: Number(ctx.claimed) } }, p),
  },
  {
    name: 'related party',
    hits: (mode) => `SELECT s.claim_id, NULL::jsonb AS ctx FROM live s WHERE ${scope(mode)} AND s.person_key = s.legal_rep_key`,
    run: (claim) => checkRelatedParty(claim),
  },
  {
    name: 'exclusion lists',
    hits: (mode) => `SELECT s.claim_id, jsonb_agg(jsonb_build_object('list', e.list, 'validFrom', e.valid_from::text, 'validTo', e.valid_to::text)) AS ctx
      FROM live s JOIN subsidy_exclusion e ON e.person_key = s.person_key AND e.valid_from <= coalesce(s.hire_date, s.contract_start)
        AND (e.valid_to IS NULL OR e.valid_to >= coalesce(s.hire_date, s.contract_start))
      WHERE ${scope(mode)} GROUP BY s.claim_id`,
    run: (claim, ctx: FraudContext['exclusions'], p) => checkExclusions({ ...claim, hireDate: claim.hireDate ?? null }, { exclusions: ctx }, p).filter((f) => f.code !== 'INSURED_TWICE'),
  },
  {
    name: 'insured twice',
    hits: (mode, p) => `SELECT s.claim_id, ${insuredJson} AS ctx
      FROM live s JOIN subsidy_insured_month m ON m.person_key = s.person_key
        AND m.month >= date_trunc('month', s.hire_date) AND m.month < date_trunc('month', s.hire_date) + interval '${p.doubleInsuranceMonths} months'
      WHERE ${scope(mode)}
      ${mode.kind === 'nightly' ? `AND s.person_key IN (SELECT person_key FROM subsidy_insured_month GROUP BY person_key, month HAVING count(*) > 1)` : ''}
      GROUP BY s.claim_id HAVING count(*) > count(DISTINCT m.month)`,
    run: (claim, ctx: { month: string; employerKey: string }[], p) => checkExclusions(claim, { insured: ctx }, p).filter((f) => f.code === 'INSURED_TWICE'),
  },
  {
    name: 'certificate issuer burst',
    hits: (mode, p) =>
      mode.kind === 'claims'
        ? `SELECT s.claim_id, jsonb_build_object('issuer', s.certificate_issuer, 'week', date_trunc('week', s.certificate_date)::date::text,
            'count', (SELECT count(*) FROM live o WHERE o.certificate_issuer = s.certificate_issuer
              AND o.certificate_date >= date_trunc('week', s.certificate_date) AND o.certificate_date < date_trunc('week', s.certificate_date) + interval '7 days')) AS ctx
          FROM live s WHERE ${scope(mode)} AND s.certificate_issuer IS NOT NULL AND s.certificate_date IS NOT NULL`
        : `SELECT s.claim_id, jsonb_build_object('issuer', s.certificate_issuer, 'week', b.week::text, 'count', b.n) AS ctx
          FROM (SELECT certificate_issuer, date_trunc('week', certificate_date)::date AS week, count(*) AS n FROM live
                WHERE certificate_issuer IS NOT NULL AND certificate_date IS NOT NULL GROUP BY 1, 2 HAVING count(*) > ${p.issuerWeeklyLimit}) b
          JOIN live s ON s.certificate_issuer = b.certificate_issuer AND date_trunc('week', s.certificate_date) = b.week`,
    run: (claim, ctx: { issuer: string; week: string; count: number }, p) => checkBursts(claim, { issuerWeek: { ...ctx, count: Number(ctx.count) } }, p),
  },
  {
    name: 'officer burst',
    hits: (mode, p) =>
      mode.kind === 'claims'
        ? `SELECT s.claim_id, jsonb_build_object('officerId', s.officer_id, 'day', s.filed_on::text,
            'count', (SELECT count(*) FROM live o WHERE o.officer_id = s.officer_id AND o.filed_on = s.filed_on)) AS ctx
          FROM live s WHERE ${scope(mode)} AND s.officer_id IS NOT NULL`
        : `SELECT s.claim_id, jsonb_build_object('officerId', s.officer_id, 'day', b.day::text, 'count', b.n) AS ctx
          FROM (SELECT officer_id, filed_on AS day, count(*) AS n FROM live WHERE officer_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > ${p.officerDailyLimit}) b
          JOIN live s ON s.officer_id = b.officer_id AND s.filed_on = b.day`,
    run: (claim, ctx: { officerId: string; day: string; count: number }, p) => checkBursts(claim, { officerDay: { ...ctx, count: Number(ctx.count) } }, p),
  },
];

export interface SuspiciousCaseView {
  id: string;
  claimId: string;
  rule: string;
  claimStatus: string;
  code: string;
  reasonZh: string;
  reasonEn: string;
  relatedClaimIds: string[];
  source: SubsidySuspiciousCase['source'];
  status: SuspiciousCaseStatus;
  raisedAt: Date;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionNote: string | null;
}

export interface NightlyReport {
  findings: number;
  raised: number;
  /** Findings and milliseconds per check. */
  byCheck: Record<string, { found: number; ms: number }>;
  ms: number;
}

/**
 * Runs the fraud checks (policy.md section 1) and keeps what they find as suspicious cases (疑点) for a person to
 * resolve with a note; nothing here refuses or holds a claim. The same pure checks (`core/fraud-checks.ts`) read the
 * result of set-based queries: over the given claims on submission (`checkClaims`, or the outbox topic
 * `subsidy.fraud_check_requested` through `requestCheck`), over every live claim at night (`runNightly`).
 */
@Injectable()
export class FraudChecksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
  ) {}

  /** Records (or replaces) the facts of a claim that the checks compare (derived by the rule's pure core, e.g. `graduateHiringFraudFacts`). */
  async recordFacts(claimId: string, facts: FraudFacts): Promise<void> {
    await this.txHost.tx.getRepository(SubsidyClaimFacts).upsert({
      claimId,
      personKey: facts.personKey ?? null,
      employerKey: facts.employerKey ?? null,
      legalRepKey: facts.legalRepKey ?? null,
      hireDate: facts.hireDate ?? null,
      contractStart: facts.contractStart ?? null,
      contractMonths: facts.contractMonths ?? null,
      openEnded: facts.openEnded ?? false,
      graduationDate: facts.graduationDate ?? null,
      insuranceStart: facts.insuranceStart ?? null,
      certificateIssuer: facts.certificateIssuer ?? null,
      certificateDate: facts.certificateDate ?? null,
      officerId: facts.officerId ?? null,
    }, ['claimId']);
  }

  /** Asks for the checks after the caller's transaction commits (outbox): what a submission calls. */
  requestCheck(claimId: string): Promise<void> {
    return this.outbox.record('subsidy.fraud_check_requested', claimId);
  }

  /** Runs every check on the given claims now and raises their cases; returns the findings (new or already raised). */
  checkClaims(claimIds: string[], p: FraudParameters = DEFAULT_FRAUD_PARAMETERS): Promise<Finding[]> {
    return this.txHost.withTransaction(async () => {
      const findings = await this.findings({ kind: 'claims', ids: claimIds }, p);
      await this.raise(findings, 'submission');
      return findings;
    });
  }

  /** Every check over every live claim (set-based), raising the cases not raised yet. */
  async runNightly(p: FraudParameters = DEFAULT_FRAUD_PARAMETERS): Promise<NightlyReport> {
    const started = Date.now();
    const byCheck: NightlyReport['byCheck'] = {};
    let findings = 0;
    let raised = 0;
    for (const query of CHECK_QUERIES) {
      const checkStarted = Date.now();
      const found = await this.txHost.withTransaction(async () => {
        const list = await this.findingsOf(query, { kind: 'nightly' }, p);
        raised += await this.raise(list, 'nightly');
        return list.length;
      });
      byCheck[query.name] = { found, ms: Date.now() - checkStarted };
      findings += found;
    }
    return { findings, raised, byCheck, ms: Date.now() - started };
  }

  /**
   * The post-payment sample: a seeded draw over paid claims (`drawPostPaymentSample`), each drawn claim raised as a
   * case for a person to check the proof of. The same seed draws the same claims; returns the claims drawn.
   */
  sampleAfterPayment(seed: string, p: SampleParameters = DEFAULT_SAMPLE_PARAMETERS): Promise<string[]> {
    return this.txHost.withTransaction(async () => {
      const paid: { claim_id: string; claimant_key: string }[] = await this.txHost.tx.query(
        `SELECT c.id AS claim_id, coalesce(c.claimant_id::text, f.employer_key, c.subject_key) AS claimant_key
         FROM subsidy_claim c LEFT JOIN subsidy_claim_facts f ON f.claim_id = c.id WHERE c.status = 'paid'`,
      );
      const drawn = drawPostPaymentSample(paid.map((r) => ({ claimId: r.claim_id, claimantKey: r.claimant_key })), seed, p);
      await this.raise(drawn.map((claimId) => ({
        code: 'POST_PAYMENT_SAMPLE' as const,
        fingerprint: `${claimId}:POST_PAYMENT_SAMPLE:${seed}`,
        zh: `发放后随机抽查（抽样种子 ${seed}）：请核对申领材料`,
        en: `Drawn for checking after payment (seed ${seed}): check the claim's proof`,
        related: [],
        claimId,
      })), 'sample');
      return drawn;
    });
  }

  async list(filter: { status?: SuspiciousCaseStatus; code?: string; claimId?: string }, offset: number, limit: number): Promise<[SuspiciousCaseView[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`s.status = $${params.push(filter.status)}`);
    if (filter.code) where.push(`s.code = $${params.push(filter.code)}`);
    if (filter.claimId) where.push(`s.claim_id = $${params.push(filter.claimId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.txHost.tx.query(
      `SELECT s.id, s.claim_id, c.rule, c.status AS claim_status, s.code, s.reason_zh, s.reason_en, s.related_claim_ids, s.source, s.status,
              s.raised_at, s.resolved_by, s.resolved_at, s.resolution_note
       FROM subsidy_suspicious_case s JOIN subsidy_claim c ON c.id = s.claim_id ${clause}
       ORDER BY s.status = 'open' DESC, s.raised_at DESC, s.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    const [{ n }] = await this.txHost.tx.query(`SELECT count(*)::int AS n FROM subsidy_suspicious_case s ${clause}`, params);
    return [rows.map(toView), n];
  }

  /** A person resolves a case with a note (what they checked and found); the claim goes on as the reviewers decide. */
  resolve(caseId: string, note: string, resolvedBy: string): Promise<SuspiciousCaseView> {
    return this.txHost.withTransaction(async () => {
      const [row] = await this.txHost.tx.query(`SELECT status FROM subsidy_suspicious_case WHERE id = $1 FOR UPDATE`, [caseId]);
      if (!row) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'suspicious case' });
      if (row.status !== 'open') throw new AppError(HttpStatus.CONFLICT, 'TRANSITION_NOT_ALLOWED', { from: row.status, to: 'resolved' });
      await this.txHost.tx.query(`UPDATE subsidy_suspicious_case SET status = 'resolved', resolved_by = $2, resolved_at = now(), resolution_note = $3 WHERE id = $1`, [caseId, resolvedBy, note]);
      const [view] = await this.txHost.tx.query(
        `SELECT s.id, s.claim_id, c.rule, c.status AS claim_status, s.code, s.reason_zh, s.reason_en, s.related_claim_ids, s.source, s.status,
                s.raised_at, s.resolved_by, s.resolved_at, s.resolution_note
         FROM subsidy_suspicious_case s JOIN subsidy_claim c ON c.id = s.claim_id WHERE s.id = $1`, [caseId]);
      return toView(view);
    });
  }

  /** Open cases of a claim (what a reviewer sees before passing it). */
  async openCount(claimId: string): Promise<number> {
    const [{ n }] = await this.txHost.tx.query(`SELECT count(*)::int AS n FROM subsidy_suspicious_case WHERE claim_id = $1 AND status = 'open'`, [claimId]);
    return n;
  }

  private async findings(mode: Mode, p: FraudParameters): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const query of CHECK_QUERIES) out.push(...(await this.findingsOf(query, mode, p)));
    return out;
  }

  private async findingsOf(query: CheckQuery, mode: Mode, p: FraudParameters): Promise<(Finding & { claimId: string })[]> {
    const sql = `WITH ${LIVE_CTE}, hits AS (${query.hits(mode, p)}) SELECT ${claimJson('s')} AS claim, h.ctx FROM hits h JOIN live s ON s.claim_id = h.claim_id`;
    const hits: Hit[] = await this.txHost.tx.query(sql, mode.kind === 'claims' ? [mode.ids] : []);
    return hits.flatMap((h) => query.run(h.claim, h.ctx as never, p).map((f) => ({ ...f, claimId: h.claim.claimId })));
  }

  /** Inserts the cases not raised yet (by fingerprint); returns how many were new. */
  private async raise(findings: readonly (Finding & { claimId?: string })[], source: SubsidySuspiciousCase['source']): Promise<number> {
    let raised = 0;
    for (let start = 0; start < findings.length; start += 5_000) {
      const chunk = findings.slice(start, start + 5_000);
      const rows: unknown[] = await this.txHost.tx.query(
        `INSERT INTO subsidy_suspicious_case (claim_id, code, fingerprint, reason_zh, reason_en, related_claim_ids, source)
         SELECT x.claim_id, x.code, x.fingerprint, x.zh, x.en, x.related, $2 FROM jsonb_to_recordset($1::jsonb)
           AS x(claim_id uuid, code text, fingerprint text, zh text, en text, related uuid[])
         ON CONFLICT (fingerprint) DO NOTHING RETURNING 1`,
        [JSON.stringify(chunk.map((f) => ({ claim_id: f.claimId ?? f.fingerprint.split(':')[0], code: f.code, fingerprint: f.fingerprint, zh: f.zh, en: f.en, related: `{${f.related.join(',')}}` }))), source],
      );
      raised += rows.length;
    }
    return raised;
  }
}

function toView(r: Record<string, unknown>): SuspiciousCaseView {
  return {
    id: r.id as string, claimId: r.claim_id as string, rule: r.rule as string, claimStatus: r.claim_status as string, code: r.code as string,
    reasonZh: r.reason_zh as string, reasonEn: r.reason_en as string, relatedClaimIds: r.related_claim_ids as string[],
    source: r.source as SubsidySuspiciousCase['source'], status: r.status as SuspiciousCaseStatus, raisedAt: r.raised_at as Date,
    resolvedBy: r.resolved_by as string | null, resolvedAt: r.resolved_at as Date | null, resolutionNote: r.resolution_note as string | null,
  };
}
