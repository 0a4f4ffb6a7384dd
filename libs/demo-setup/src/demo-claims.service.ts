import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { hashPassword, Principal, TERMS_VERSION, User } from '@app/auth';
import { addDays, addMonthsToMonth, monthOf } from '@app/clock';
import { AppConfig } from '@app/config';
import { FieldCipher } from '@app/crypto';
import { Employer, Shortage } from '@app/employer-demand';
import { Application, Seeker } from '@app/seeker-pool';
import { ClaimEvidence, ClaimsService, EvidenceRecords, SubsidyClaim } from '@app/subsidies';

/** The account of the enterprise whose graduate hires carry the demo's subsidy claims. */
export const DEMO_CLAIMS_USERNAME = 'demo-hr';

/**
 * States the demo claims are brought to, one graduate each (the first two stay candidates for the employer to confirm).
 */
const DEMO_STATES = ['candidate', 'candidate', 'county_review', 'city_review', 'notice', 'approved', 'paid', 'refused'] as const;

/**
 * Subsidy claims in the demo (issue 19): an SME in 海口 paired with demo-officer, with its own account (demo-hr), hired
 * college graduates through the platform in 2025; the evidence an office would import for them (graduation, social
 * insurance, employment registration) is loaded at every start (it is held in memory), and on the first start their
 * candidate claims (免申即享) are opened and brought to several states: two offered to confirm, then county review,
 * city review, notice, approved, paid and refused (with reasons), each step taken by a different person.
 */
@Injectable()
export class DemoClaims {
  private readonly logger = new Logger(DemoClaims.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly claims: ClaimsService,
    private readonly evidence: ClaimEvidence,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
  ) {}

  async prepare(): Promise<void> {
    await this.cls.run(() => this.txHost.withTransaction(() => this.seed()));
    await this.cls.run(() => this.txHost.withTransaction(() => this.loadEvidence()));
  }

  private get tx() {
    return this.txHost.tx;
  }

  private async seed(): Promise<void> {
    if (await this.tx.getRepository(SubsidyClaim).exists()) return;
    const officer = await this.tx.getRepository(User).findOneBy({ username: 'demo-officer' });
    const admin = await this.tx.getRepository(User).findOneBy({ username: 'demo-admin' });
    if (!officer || !admin) return;
    // An SME in 海口 that demo-officer serves and that posts shortages.
    const [employer]: { id: string }[] = await this.tx.query(
      `SELECT e.id FROM employer e JOIN pairing p ON p.employer_id = e.id AND p.officer_id = $1 AND p.ended_at IS NULL
       WHERE e.ownership = 'private' AND e.size_class IN ('micro', 'small', 'medium') AND e.abnormal = false
         AND EXISTS (SELECT 1 FROM shortage s WHERE s.employer_id = e.id)
       ORDER BY e.credit_code LIMIT 1`,
      [officer.id],
    );
    if (!employer) return;
    const shortage = await this.tx.getRepository(Shortage).findOneOrFail({ where: { employerId: employer.id }, order: { createdAt: 'ASC' } });
    const graduates: Seeker[] = await this.tx
      .getRepository(Seeker)
      .createQueryBuilder('s')
      .where(`s.region_code LIKE '4601%'`)
      .andWhere(`s.priority_groups @> '[{"group": "college_graduate"}]'`)
      .orderBy('s.resident_id_hash')
      .take(DEMO_STATES.length)
      .getMany();
    const hr = await this.tx.getRepository(User).save({
      username: DEMO_CLAIMS_USERNAME, passwordHash: await hashPassword(this.config.DEMO_PASSWORD), role: 'employer' as const,
      displayName: '人事专员（补贴申领演示）', employerId: employer.id, isDemo: true,
      // Like the demo's other accounts, agreed to the current privacy policy and terms.
      termsVersion: TERMS_VERSION, termsAcceptedAt: new Date(),
    });
    const as = (user: User, employerId: string | null = null): Principal => ({ userId: user.id, role: user.role, employerId, seekerId: null, regionCode: user.regionCode });
    for (const [i, seeker] of graduates.entries()) {
      // Hired in July–September 2025 (within the policy period), after leaving school.
      const hireDate = addDays('2025-07-14', i * 9);
      const application = await this.tx.getRepository(Application).save({
        seekerId: seeker.id, shortageId: shortage.id, status: 'hired' as const,
        history: [
          { status: 'applied' as const, at: `${addDays(hireDate, -20)}T02:00:00.000Z`, actorId: hr.id },
          { status: 'hired' as const, at: `${hireDate}T02:00:00.000Z`, actorId: hr.id },
        ],
      });
      await this.loadEvidence([{ seeker, hireDate, employerId: employer.id }]);
      const id = await this.claims.openCandidateFromHire(application.id);
      if (!id) continue;
      const target = DEMO_STATES[i];
      if (target === 'candidate') continue;
      await this.claims.confirm(as(hr, employer.id), id, { contractEnd: null, dispatch: false });
      if (target === 'refused') {
        await this.claims.act(as(officer), id, 'refuse', { zh: '劳动合同约定为劳务派遣用工，不属于吸纳就业奖励范围', en: 'The contract is labour dispatch, which the reward does not cover' });
        continue;
      }
      if (target === 'county_review') continue;
      await this.claims.act(as(officer), id, 'county_pass');
      if (target === 'city_review') continue;
      await this.claims.act(as(admin), id, 'city_pass');
      if (target === 'notice') continue;
      // The notice of these two ended a while ago.
      await this.tx.getRepository(SubsidyClaim).update({ id }, { noticeFrom: '2026-03-02', noticeUntil: '2026-03-06' });
      await this.claims.endNotices();
      if (target === 'paid') await this.claims.settlePayment(id, 'paid');
    }
    this.logger.log(`demo subsidy claims: ${graduates.length} graduates hired by ${employer.id}, account ${DEMO_CLAIMS_USERNAME}`);
  }

  /**
   * The evidence an office would have imported for the demo graduates: graduation in Hainan before the hire, six and
   * more months of contributions by the employer from the hire, and the employment registration.
   */
  private async loadEvidence(fresh?: { seeker: Seeker; hireDate: string; employerId: string }[]): Promise<void> {
    const hires =
      fresh ??
      (await Promise.all(
        (await this.tx.getRepository(SubsidyClaim).find({ where: { origin: 'apply_free', rule: 'G1' } })).map(async (claim) => ({
          seeker: await this.tx.getRepository(Seeker).findOneByOrFail({ id: claim.details.seekerId! }),
          hireDate: claim.details.hireDate!,
          employerId: claim.claimantId!,
        })),
      ));
    const tables = this.evidence.tables;
    const graduation: EvidenceRecords['graduation'][] = [];
    const insurance: EvidenceRecords['social_insurance'][] = [];
    const registration: EvidenceRecords['employment_registration'][] = [];
    for (const { seeker, hireDate, employerId } of hires) {
      const idNumber = this.cipher.decrypt(seeker.residentIdEncrypted);
      const employer = await this.tx.getRepository(Employer).findOneByOrFail({ id: employerId });
      const declared = seeker.priorityGroups.find((g) => g.group === 'college_graduate');
      const left = declared?.graduationDate && declared.graduationDate < hireDate ? declared.graduationDate : addDays(hireDate, -30);
      graduation.push({ idNumber, school: declared?.school ?? '海南大学', schoolProvince: '46', ordinaryHigherEducation: true, graduationDate: left });
      for (let m = 0; m < 8; m++) insurance.push({ idNumber, employerCode: employer.creditCode, month: addMonthsToMonth(monthOf(hireDate), m), amount: 1180.5 });
      registration.push({ idNumber, type: 'unit', employerCode: employer.creditCode, from: hireDate, to: null });
    }
    const merge = fresh ? this.loaded : { graduation: [], insurance: [], registration: [] };
    merge.graduation.push(...graduation);
    merge.insurance.push(...insurance);
    merge.registration.push(...registration);
    this.loaded = merge;
    tables.load('graduation', merge.graduation, 'demo:学历信息.xlsx');
    tables.load('social_insurance', merge.insurance, 'demo:社保缴费明细.xlsx');
    tables.load('employment_registration', merge.registration, 'demo:就业登记.xlsx');
  }

  private loaded: { graduation: EvidenceRecords['graduation'][]; insurance: EvidenceRecords['social_insurance'][]; registration: EvidenceRecords['employment_registration'][] } = {
    graduation: [], insurance: [], registration: [],
  };
}
