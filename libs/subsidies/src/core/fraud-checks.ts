import { addMonthsToMonth, monthOf, termEnd } from '@app/clock/shanghai-calendar';
import type { GraduateHiringFacts } from './graduate-hiring';

/**
 * Fraud checks (policy.md section 1, "Anti-fraud, run on submit and nightly"), pure: each is a function of one claim's
 * facts and what is known around it (other claims of the same person, account or phone, the person's insured months,
 * exclusion lists, the employer's insured headcount, counts per certificate issuer and officer) and returns the
 * findings it raises. A finding becomes a suspicious case (疑点) for a person; it never refuses a claim.
 * Missing facts raise nothing: a check runs only on what is known.
 */

export const FRAUD_CODES = [
  'DUPLICATE_PERSON', 'EXCLUSIVE_RULES', 'CONTRACT_BEFORE_GRADUATION', 'INSURANCE_BEFORE_CONTRACT', 'CONTRACT_TOO_SHORT',
  'REHIRE', 'SHARED_ACCOUNT', 'SHARED_PHONE', 'SHARED_ADDRESS', 'HEADCOUNT_GROWTH', 'RELATED_PARTY', 'PUBLIC_PAYROLL',
  'DECEASED', 'IN_SCHOOL', 'INSURED_TWICE', 'ISSUER_BURST', 'OFFICER_BURST', 'POST_PAYMENT_SAMPLE',
] as const;
export type FraudCode = (typeof FRAUD_CODES)[number];

/**
 * The facts of a claim the checks compare across claims, as kept per claim (`subsidy_claim_facts`). Keys are blind
 * indexes or credit codes, never plain ID numbers; dates are Shanghai calendar dates.
 */
export interface FraudFacts {
  /** The person the claim is about. */
  personKey?: string | null;
  /** The hiring or host employer's (or household's) credit code. */
  employerKey?: string | null;
  legalRepKey?: string | null;
  hireDate?: string | null;
  contractStart?: string | null;
  /** Whole months of the contract's term; null when open-ended or not on record. */
  contractMonths?: number | null;
  openEnded?: boolean;
  graduationDate?: string | null;
  /** First day of the first month this employer insured the person. */
  insuranceStart?: string | null;
  certificateIssuer?: string | null;
  certificateDate?: string | null;
  /** The officer who filed the claim for a walk-in. */
  officerId?: string | null;
}

/** What a fraud check knows of a claim: its facts and its payee's keys. */
export interface FraudClaim extends Omit<FraudFacts, 'certificateIssuer' | 'certificateDate' | 'officerId'> {
  claimId: string;
  rule: string;
  /** Who claims (the employer's or person's record, or the person's key): claimants sharing an account are "unrelated" when these differ. */
  claimantKey: string;
  accountIndex?: string | null;
  phoneIndex?: string | null;
  addressKey?: string | null;
}

/** Whole months from `start` to `end` by the term rule of the decisions (`termEnd`: a term of n months ends the day before the matching day). */
export function termMonths(start: string, end: string): number {
  let months = Math.max(0, (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) - 1);
  while (termEnd(start, months + 1) <= end) months++;
  return months;
}

/**
 * A G1 claim's fraud facts from the facts its decision used (the one place they are derived: the claim workflow
 * records them on submission, the checks compare them): the hire is the contract's start, the term comes from the
 * contract's end, the insurance start from this employer's first contribution month.
 */
export function graduateHiringFraudFacts(
  facts: GraduateHiringFacts,
  keys: { personKey: string; employerKey?: string | null; legalRepKey?: string | null; officerId?: string | null },
): FraudFacts {
  const end = facts.contract.end;
  const firstMonth = facts.contributionMonths?.length ? [...facts.contributionMonths].sort()[0] : undefined;
  return {
    personKey: keys.personKey,
    employerKey: keys.employerKey || null,
    legalRepKey: keys.legalRepKey ?? null,
    hireDate: facts.hireDate,
    contractStart: facts.hireDate,
    contractMonths: end ? termMonths(facts.hireDate, end) : null,
    openEnded: end === null,
    graduationDate: facts.graduate.graduationDate ?? null,
    insuranceStart: firstMonth ? `${firstMonth}-01` : null,
    officerId: keys.officerId ?? null,
  };
}

export interface InsuredMonth {
  /** 'YYYY-MM'. */
  month: string;
  employerKey: string;
}

export interface ExclusionEntry {
  list: 'public_payroll' | 'deceased' | 'student';
  validFrom: string;
  validTo?: string | null;
}

/** What is known around the claim. Lists hold other live claims (never the claim itself). */
export interface FraudContext {
  samePerson?: readonly FraudClaim[];
  sameAccount?: readonly FraudClaim[];
  samePhone?: readonly FraudClaim[];
  sameAddress?: readonly FraudClaim[];
  /** The person's insured months (any employer). */
  insured?: readonly InsuredMonth[];
  /** Employers with the same legal representative as the claim's employer. */
  relatedEmployers?: readonly string[];
  exclusions?: readonly ExclusionEntry[];
  /** The employer's insured headcount in the month before the window and in the hire month, and the live hire claims in the window (this one included). */
  headcount?: { before: number; after: number; claimed: number } | null;
  /** Live claims whose certificate this issuer issued in the week of this claim's certificate (this one included). */
  issuerWeek?: { issuer: string; week: string; count: number } | null;
  /** Claims this officer filed on the day this one was filed (this one included). */
  officerDay?: { officerId: string; day: string; count: number } | null;
}

export interface FraudParameters {
  /** Unrelated claimants sharing an account, phone or address from which it is suspicious (policy.md: 3). */
  sharedContactThreshold: number;
  /** Months before the hire in which insurance at the same or a related employer means a rehire (Yantai: 6). */
  rehireLookbackMonths: number;
  /** Shortest contract for the hiring rules, in months. */
  minContractMonths: number;
  /** Rules that are hiring rewards (contract, headcount, rehire checks). */
  hiringRules: readonly string[];
  /** Groups of rules that exclude each other for the same person (an administrator's setting). */
  exclusiveGroups: readonly (readonly string[])[];
  /** Months after the hire in which insurance at two employers at once is checked. */
  doubleInsuranceMonths: number;
  /** Certificates one issuer may issue in a week before it is a burst. */
  issuerWeeklyLimit: number;
  /** Claims one officer may file in a day before it is a burst. */
  officerDailyLimit: number;
}

export const DEFAULT_FRAUD_PARAMETERS: FraudParameters = {
  sharedContactThreshold: 3,
  rehireLookbackMonths: 6,
  minContractMonths: 12,
  hiringRules: ['G1'],
  exclusiveGroups: [['G1', 'P1', 'J1']],
  doubleInsuranceMonths: 6,
  issuerWeeklyLimit: 200,
  officerDailyLimit: 40,
};

export interface Finding {
  code: FraudCode;
  /** One case per claim, check and finding: the nightly run and a re-submission raise nothing new. */
  fingerprint: string;
  zh: string;
  en: string;
  related: string[];
}

const finding = (claim: FraudClaim, code: FraudCode, zh: string, en: string, related: readonly string[] = [], detail = ''): Finding => ({
  code, fingerprint: `${claim.claimId}:${code}${detail ? `:${detail}` : ''}`, zh, en, related: [...new Set(related)].sort(),
});

/** The same person in another live claim of the same rule, or of a rule that excludes this one. */
export function checkSamePerson(claim: FraudClaim, context: FraudContext, p: FraudParameters): Finding[] {
  if (!claim.personKey || !context.samePerson?.length) return [];
  const out: Finding[] = [];
  const same = context.samePerson.filter((c) => c.rule === claim.rule);
  if (same.length) out.push(finding(claim, 'DUPLICATE_PERSON', `同一人员已有同一项目（${claim.rule}）的其他申领`, `The same person has another ${claim.rule} claim`, same.map((c) => c.claimId)));
  const group = p.exclusiveGroups.find((g) => g.includes(claim.rule));
  const exclusive = group ? context.samePerson.filter((c) => c.rule !== claim.rule && group.includes(c.rule)) : [];
  if (exclusive.length) {
    const rules = [...new Set(exclusive.map((c) => c.rule))].sort().join('、');
    out.push(finding(claim, 'EXCLUSIVE_RULES', `同一人员同时申领互斥项目：${claim.rule} 与 ${rules}`, `The same person is claimed under mutually exclusive rules: ${claim.rule} and ${rules}`, exclusive.map((c) => c.claimId)));
  }
  return out;
}

/** Impossible dates: a contract before graduation, insurance before the contract, a hiring contract under the minimum term. */
export function checkImpossibleDates(claim: FraudClaim, _context: FraudContext, p: FraudParameters): Finding[] {
  const out: Finding[] = [];
  if (claim.contractStart && claim.graduationDate && claim.contractStart < claim.graduationDate) {
    out.push(finding(claim, 'CONTRACT_BEFORE_GRADUATION', `劳动合同起始日（${claim.contractStart}）早于毕业日期（${claim.graduationDate}）`, `The contract starts (${claim.contractStart}) before graduation (${claim.graduationDate})`));
  }
  if (claim.insuranceStart && claim.contractStart && monthOf(claim.insuranceStart) < monthOf(claim.contractStart)) {
    out.push(finding(claim, 'INSURANCE_BEFORE_CONTRACT', `参保起始（${claim.insuranceStart}）早于劳动合同起始月（${claim.contractStart}）`, `Insurance starts (${claim.insuranceStart}) before the contract's month (${claim.contractStart})`));
  }
  if (p.hiringRules.includes(claim.rule) && !claim.openEnded && claim.contractMonths != null && claim.contractMonths < p.minContractMonths) {
    out.push(finding(claim, 'CONTRACT_TOO_SHORT', `劳动合同期限 ${claim.contractMonths} 个月，不足 ${p.minContractMonths} 个月`, `The contract runs ${claim.contractMonths} months, under ${p.minContractMonths}`));
  }
  return out;
}

/** Insured at the same employer, or one with the same legal representative, in the months before the hire (Yantai's rule). */
export function checkRehire(claim: FraudClaim, context: FraudContext, p: FraudParameters): Finding[] {
  if (!p.hiringRules.includes(claim.rule) || !claim.hireDate || !claim.employerKey || !context.insured?.length) return [];
  const hireMonth = monthOf(claim.hireDate);
  const from = addMonthsToMonth(hireMonth, -p.rehireLookbackMonths);
  const employers = new Set([claim.employerKey, ...(context.relatedEmployers ?? [])]);
  const before = context.insured.filter((m) => m.month >= from && m.month < hireMonth && employers.has(m.employerKey));
  if (!before.length) return [];
  const related = before.some((m) => m.employerKey !== claim.employerKey);
  const months = [...new Set(before.map((m) => m.month))].sort();
  return [finding(claim, 'REHIRE',
    `录用前 ${p.rehireLookbackMonths} 个月内已在${related ? '同一法定代表人的关联单位' : '本单位'}参保（${months[0]} 起）`,
    `Insured at ${related ? 'an employer with the same legal representative' : 'the same employer'} within ${p.rehireLookbackMonths} months before the hire (from ${months[0]})`)];
}

/** One bank account, phone or address shared by several unrelated claimants (different claimant records). */
export function checkSharedContacts(claim: FraudClaim, context: FraudContext, p: FraudParameters): Finding[] {
  const out: Finding[] = [];
  const kinds = [
    ['SHARED_ACCOUNT', context.sameAccount, claim.accountIndex, '银行账户', 'bank account'],
    ['SHARED_PHONE', context.samePhone, claim.phoneIndex, '手机号码', 'phone number'],
    ['SHARED_ADDRESS', context.sameAddress, claim.addressKey, '地址', 'address'],
  ] as const;
  for (const [code, others, key, zh, en] of kinds) {
    if (!key || !others?.length) continue;
    const claimants = new Set([claim.claimantKey, ...others.map((c) => c.claimantKey)]);
    if (claimants.size < p.sharedContactThreshold) continue;
    out.push(finding(claim, code, `同一${zh}被 ${claimants.size} 个互不相关的申领人使用`, `One ${en} is used by ${claimants.size} unrelated claimants`, others.filter((c) => c.claimantKey !== claim.claimantKey).map((c) => c.claimId)));
  }
  return out;
}

/** Claimed hires beyond the growth of the employer's insured headcount over the window. */
export function checkHeadcountGrowth(claim: FraudClaim, context: FraudContext, p: FraudParameters): Finding[] {
  const h = context.headcount;
  // No insured month of the employer on either side: the insurance data is missing (unknown), not a shrinking employer.
  if (!p.hiringRules.includes(claim.rule) || !h || (h.before === 0 && h.after === 0)) return [];
  const growth = Math.max(0, h.after - h.before);
  if (h.claimed <= growth) return [];
  return [finding(claim, 'HEADCOUNT_GROWTH', `单位申领吸纳 ${h.claimed} 人，但参保人数仅增加 ${growth} 人（${h.before} → ${h.after}）`, `The employer claims ${h.claimed} hires but its insured headcount grew by ${growth} (${h.before} → ${h.after})`)];
}

/** The person is the employer's legal representative. */
export function checkRelatedParty(claim: FraudClaim): Finding[] {
  if (!claim.personKey || !claim.legalRepKey || claim.personKey !== claim.legalRepKey) return [];
  return [finding(claim, 'RELATED_PARTY', '被吸纳人员是用人单位的法定代表人', 'The person hired is the employer’s legal representative')];
}

/** On the public payroll, dead or in school on the hire date, or insured at two employers at once after the hire. */
export function checkExclusions(claim: FraudClaim, context: FraudContext, p: FraudParameters): Finding[] {
  const out: Finding[] = [];
  const at = claim.hireDate ?? claim.contractStart;
  if (at) {
    const words = { public_payroll: ['PUBLIC_PAYROLL', '财政供养人员', 'on the public payroll'], deceased: ['DECEASED', '已登记死亡', 'registered as deceased'], student: ['IN_SCHOOL', '在校学生', 'a student in school'] } as const;
    for (const list of ['public_payroll', 'deceased', 'student'] as const) {
      const entry = context.exclusions?.find((e) => e.list === list && e.validFrom <= at && (!e.validTo || e.validTo >= at));
      if (entry) out.push(finding(claim, words[list][0], `${at} 时该人员为${words[list][1]}（${entry.validFrom} 起）`, `On ${at} the person was ${words[list][2]} (from ${entry.validFrom})`));
    }
  }
  if (claim.hireDate && context.insured?.length) {
    const from = monthOf(claim.hireDate);
    const to = addMonthsToMonth(from, p.doubleInsuranceMonths - 1);
    const byMonth = new Map<string, Set<string>>();
    for (const m of context.insured) {
      if (m.month < from || m.month > to) continue;
      byMonth.set(m.month, (byMonth.get(m.month) ?? new Set()).add(m.employerKey));
    }
    const twice = [...byMonth].filter(([, e]) => e.size > 1).map(([m]) => m).sort();
    if (twice.length) out.push(finding(claim, 'INSURED_TWICE', `录用后 ${twice.join('、')} 同时在两个以上单位参保`, `Insured at two or more employers at once in ${twice.join(', ')}`));
  }
  return out;
}

/** Certificates per issuer per week and claims per officer per day above their limits. */
export function checkBursts(claim: FraudClaim, context: FraudContext, p: FraudParameters): Finding[] {
  const out: Finding[] = [];
  const issuer = context.issuerWeek;
  if (issuer && issuer.count > p.issuerWeeklyLimit) {
    out.push(finding(claim, 'ISSUER_BURST', `发证机构 ${issuer.issuer} 在 ${issuer.week} 当周发证 ${issuer.count} 份，超过 ${p.issuerWeeklyLimit} 份`, `Issuer ${issuer.issuer} issued ${issuer.count} certificates in the week of ${issuer.week}, over ${p.issuerWeeklyLimit}`, [], issuer.week));
  }
  const officer = context.officerDay;
  if (officer && officer.count > p.officerDailyLimit) {
    out.push(finding(claim, 'OFFICER_BURST', `经办人 ${officer.day} 当天经办 ${officer.count} 件申领，超过 ${p.officerDailyLimit} 件`, `One officer filed ${officer.count} claims on ${officer.day}, over ${p.officerDailyLimit}`, [], officer.day));
  }
  return out;
}

export const FRAUD_CHECKS = [checkSamePerson, checkImpossibleDates, checkRehire, checkSharedContacts, checkHeadcountGrowth, checkRelatedParty, checkExclusions, checkBursts] as const;

/** Every check on one claim. */
export function runFraudChecks(claim: FraudClaim, context: FraudContext, p: FraudParameters = DEFAULT_FRAUD_PARAMETERS): Finding[] {
  return FRAUD_CHECKS.flatMap((check) => check(claim, context, p));
}

/** The Monday of a date's ISO week (the week an issuer's certificates are counted in). */
export function weekStart(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** A seeded pseudo-random generator in [0, 1) (mulberry32 over a string hash): the same seed draws the same sample. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleParameters {
  /** Employers with at least this many paid claims enter the draw (les-emplois: 2). */
  minClaims: number;
  /** Share of those employers drawn (20–40%, default 30%). */
  employerShare: number;
  /** Share of a drawn employer's claims checked (20%), at least one. */
  claimShare: number;
  /** At most this many claims per employer (20). */
  maxPerEmployer: number;
}

export const DEFAULT_SAMPLE_PARAMETERS: SampleParameters = { minClaims: 2, employerShare: 0.3, claimShare: 0.2, maxPerEmployer: 20 };

/**
 * The post-payment sample (les-emplois' 控制 a posteriori): of claimants with at least `minClaims` paid claims, a
 * seeded share is drawn, then a share of each one's claims (at least one, at most `maxPerEmployer`). Deterministic for a
 * seed, whatever order the claims come in.
 */
export function drawPostPaymentSample(claims: readonly { claimId: string; claimantKey: string }[], seed: string, p: SampleParameters = DEFAULT_SAMPLE_PARAMETERS): string[] {
  const byClaimant = new Map<string, string[]>();
  for (const c of claims) byClaimant.set(c.claimantKey, [...(byClaimant.get(c.claimantKey) ?? []), c.claimId]);
  const eligible = [...byClaimant].filter(([, ids]) => ids.length >= p.minClaims).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const random = seededRandom(seed);
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  const drawn = shuffle(eligible).slice(0, Math.round(eligible.length * p.employerShare));
  const out: string[] = [];
  for (const [, ids] of drawn) {
    const take = Math.min(p.maxPerEmployer, Math.max(1, Math.round(ids.length * p.claimShare)));
    out.push(...shuffle([...ids].sort()).slice(0, take));
  }
  return out.sort();
}
