import { addMonthsToMonth, monthOf } from '@app/clock/shanghai-calendar';
import type { GraduateHiringFacts, PriorAward } from '../core';
import type { EvidencePort } from '../persistence/evidence-snapshot.entity';
import { EvidenceSource, PortAnswer } from './table-evidence';

/** A G1 claim as the platform knows it: the hire, the employer's record, the contract as filed, the person's other claims. */
export interface HireClaim {
  asOf: string;
  idNumber: string;
  employerCode: string;
  hireDate: string;
  employer: GraduateHiringFacts['employer'];
  contract: GraduateHiringFacts['contract'];
  priorAwards?: readonly PriorAward[];
}

/**
 * G1 facts from the evidence ports (graduation, social insurance, employment registration), with the answers they
 * came from (to keep as evidence snapshots). An unavailable port leaves its facts missing, so their checks are unknown.
 */
export async function gatherGraduateHiring(source: EvidenceSource, claim: HireClaim): Promise<{ facts: GraduateHiringFacts; answers: PortAnswer<EvidencePort>[] }> {
  const [graduation, insurance, registration] = await Promise.all([
    source.lookup('graduation', claim.idNumber),
    source.lookup('social_insurance', claim.idNumber),
    source.lookup('employment_registration', claim.idNumber),
  ]);
  // The latest record of leaving school; none (a foreign degree) leaves the facts missing.
  const school = graduation.available ? [...graduation.records].sort((a, b) => (a.graduationDate < b.graduationDate ? 1 : -1))[0] : undefined;
  const monthBefore = addMonthsToMonth(monthOf(claim.hireDate), -1);
  const employment = registration.available
    ? registration.records.find((r) => r.type === 'unit' && r.employerCode === claim.employerCode && r.from <= claim.hireDate && (r.to === null || r.to >= claim.hireDate))
    : undefined;
  const facts: GraduateHiringFacts = {
    asOf: claim.asOf,
    hireDate: claim.hireDate,
    employer: claim.employer,
    graduate: { ordinaryHigherEducation: school?.ordinaryHigherEducation, schoolProvince: school?.schoolProvince, graduationDate: school?.graduationDate },
    insuredMonthBeforeHire: insurance.available ? insurance.records.some((r) => r.month === monthBefore) : undefined,
    contract: claim.contract,
    contributionMonths: insurance.available ? insurance.records.filter((r) => r.employerCode === claim.employerCode).map((r) => r.month) : undefined,
    employmentEnd: employment ? employment.to : undefined,
    priorAwards: claim.priorAwards,
  };
  return { facts, answers: [graduation, insurance, registration] };
}
