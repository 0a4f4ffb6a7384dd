import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { Application } from './application.entity';
import { countedPriorityGroupsSql, PriorityFacts } from './priority-consent';
import { Seeker } from './seeker.entity';

/** What another domain may know of a seeker for an event: who they are (by name) and whether priority counts. */
export interface SeekerRegistrationFacts extends PriorityFacts {
  id: string;
  name: string;
}

/** What a shortage's candidate list shows of a seeker (the employer's view masks the name). */
export interface CandidateSummary {
  id: string;
  name: string;
  regionCode: string;
  skillLevel: number | null;
}

/** A hire recorded on the platform, as a subsidy claim needs it (免申即享). */
export interface HireFacts {
  applicationId: string;
  seekerId: string;
  shortageId: string;
  employerId: string;
  /** When the application became hired (the first 'hired' step); null when it is not hired. */
  hiredAt: Date | null;
  seekerName: string;
  /** The ID number, encrypted (FieldCipher), and its blind index. */
  residentIdEncrypted: string;
  residentIdHash: string;
  seekerRegionCode: string;
  /** The self-declared college-graduate group (school, graduation date), when claimed. */
  graduate: { school: string | null; graduationDate: string | null; verified: boolean } | null;
}

/**
 * The seeker pool's read port for other domains: intention-named reads of the `seeker` table, so that events,
 * reporting and matching need not query it themselves. Unscoped: callers check scope first (SeekerDirectory).
 * Runs in the caller's transaction.
 */
@Injectable()
export class SeekerReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The display name of a seeker; null when there is no such seeker. */
  async nameOf(seekerId: string): Promise<string | null> {
    const seeker = await this.txHost.tx.getRepository(Seeker).findOne({ where: { id: seekerId }, select: ['id', 'name'] });
    return seeker?.name ?? null;
  }

  /** The region code of a seeker; null when there is no such seeker. */
  async regionOf(seekerId: string): Promise<string | null> {
    const seeker = await this.txHost.tx.getRepository(Seeker).findOne({ where: { id: seekerId }, select: ['id', 'regionCode'] });
    return seeker?.regionCode ?? null;
  }

  /** The id of the seeker with this phone's blind index (FieldCipher.blindIndex); null when nobody has it. */
  async idByPhoneHash(phoneHash: string): Promise<string | null> {
    const seeker = await this.txHost.tx.getRepository(Seeker).findOne({ where: { phoneHash }, select: ['id'] });
    return seeker?.id ?? null;
  }

  /** The hire behind an application (subsidy claims): null when there is no such application. */
  async hireFacts(applicationId: string): Promise<HireFacts | null> {
    const application = await this.txHost.tx.getRepository(Application).findOne({ where: { id: applicationId }, relations: { shortage: true, seeker: true } });
    if (!application?.shortage || !application.seeker) return null;
    const seeker = application.seeker;
    const hired = application.status === 'hired' ? application.history.find((step) => step.status === 'hired') : undefined;
    const graduate = seeker.priorityGroups.find((g) => g.group === 'college_graduate');
    return {
      applicationId: application.id,
      seekerId: seeker.id,
      shortageId: application.shortageId,
      employerId: application.shortage.employerId,
      hiredAt: hired ? new Date(hired.at) : null,
      seekerName: seeker.name,
      residentIdEncrypted: seeker.residentIdEncrypted,
      residentIdHash: seeker.residentIdHash,
      seekerRegionCode: seeker.regionCode,
      graduate: graduate ? { school: graduate.school ?? null, graduationDate: graduate.graduationDate ?? null, verified: !!graduate.verifiedBy } : null,
    };
  }

  /** Name and priority facts of one seeker; null when there is no such seeker. */
  async registrationFacts(seekerId: string): Promise<SeekerRegistrationFacts | null> {
    const seeker = await this.txHost.tx
      .getRepository(Seeker)
      .findOne({ where: { id: seekerId }, select: ['id', 'name', 'priorityGroups', 'consentSensitiveMatching'] });
    return seeker && { id: seeker.id, name: seeker.name, priorityGroups: seeker.priorityGroups, consentSensitiveMatching: seeker.consentSensitiveMatching };
  }

  /** Priority facts of the seekers that exist among `seekerIds` (missing ids are left out). */
  async priorityFacts(seekerIds: readonly string[]): Promise<(PriorityFacts & { id: string })[]> {
    if (seekerIds.length === 0) return [];
    const seekers = await this.txHost.tx
      .getRepository(Seeker)
      .find({ where: { id: In([...seekerIds]) }, select: ['id', 'priorityGroups', 'consentSensitiveMatching'] });
    return seekers.map((s) => ({ id: s.id, priorityGroups: s.priorityGroups, consentSensitiveMatching: s.consentSensitiveMatching }));
  }

  /** Candidate-list facts of the seekers that exist among `seekerIds`, by id (missing ids are left out). */
  async candidateSummaries(seekerIds: readonly string[]): Promise<Map<string, CandidateSummary>> {
    if (seekerIds.length === 0) return new Map();
    const seekers = await this.txHost.tx
      .getRepository(Seeker)
      .find({ where: { id: In([...seekerIds]) }, select: ['id', 'name', 'regionCode', 'skillLevel'] });
    return new Map(seekers.map((s) => [s.id, { id: s.id, name: s.name, regionCode: s.regionCode, skillLevel: s.skillLevel }]));
  }

  /** The distinct priority groups that count (countedPriorityGroupsSql) for each seeker that exists among `seekerIds`; [] for none. */
  async countedPriorityGroupsOf(seekerIds: readonly string[]): Promise<Map<string, string[]>> {
    if (seekerIds.length === 0) return new Map();
    const rows: { id: string; groups: string[] | null }[] = await this.txHost.tx.query(
      `SELECT p.id, ${countedPriorityGroupsSql('p')} AS groups FROM seeker p WHERE p.id = ANY($1::uuid[])`,
      [[...new Set(seekerIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.groups ?? []]));
  }

  /** Every seeker's id and last change: what the seekers search index should hold. */
  async searchVersions(): Promise<{ id: string; updatedAt: Date }[]> {
    const rows: { id: string; updated_at: Date }[] = await this.txHost.tx.query(`SELECT id::text AS id, updated_at FROM seeker`);
    return rows.map((row) => ({ id: row.id, updatedAt: row.updated_at }));
  }

  /** The seekers that exist among `seekerIds`, whole: what their search documents are built from. */
  forSearch(seekerIds: readonly string[]): Promise<Seeker[]> {
    return this.txHost.tx.getRepository(Seeker).findBy({ id: In([...seekerIds]) });
  }

  /** Seekers per prefix of a desired occupation code (`length` characters, '4-10' at 4), each counted once per prefix. */
  async countsByDesiredOccupation(length: number): Promise<Map<string, number>> {
    const rows: { key: string; n: number }[] = await this.txHost.tx.query(
      `SELECT key, count(DISTINCT id)::int AS n FROM
         (SELECT s.id, substr(d, 1, $1) AS key FROM seeker s CROSS JOIN LATERAL unnest(s.desired_occupations) d) wanted
       GROUP BY key`,
      [length],
    );
    return new Map(rows.map((row) => [row.key, row.n]));
  }

  /** Seekers per region code (as recorded: districts and counties, not rolled up). */
  async countsByRegion(): Promise<Map<string, number>> {
    const rows: { key: string; n: number }[] = await this.txHost.tx.query(`SELECT region_code AS key, count(*)::int AS n FROM seeker GROUP BY 1`);
    return new Map(rows.map((row) => [row.key, row.n]));
  }

  /** Seekers registered in [from, to) per region code (as recorded). */
  async registrationsByRegion(from: Date, to: Date): Promise<Map<string, number>> {
    const rows: { key: string; n: number }[] = await this.txHost.tx.query(
      `SELECT region_code AS key, count(*)::int AS n FROM seeker WHERE created_at >= $1 AND created_at < $2 GROUP BY 1`,
      [from, to],
    );
    return new Map(rows.map((row) => [row.key, row.n]));
  }

  /** Each seeker's first hire (the `hired` step of an application's history) at or after `since`. */
  async firstHiresOf(seekerIds: readonly string[], since: Date): Promise<Map<string, Date>> {
    if (seekerIds.length === 0) return new Map();
    const rows: { seekerId: string; hiredAt: Date }[] = await this.txHost.tx.query(
      `SELECT a.seeker_id AS "seekerId", min((step ->> 'at')::timestamptz) AS "hiredAt"
       FROM application a CROSS JOIN LATERAL jsonb_array_elements(a.history) step
       WHERE a.seeker_id = ANY($1) AND step ->> 'status' = 'hired' AND (step ->> 'at')::timestamptz >= $2
       GROUP BY a.seeker_id`,
      [[...seekerIds], since],
    );
    return new Map(rows.map((r) => [r.seekerId, new Date(r.hiredAt)]));
  }
}
