import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
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

  /** The id of the seeker with this phone's blind index (FieldCipher.blindIndex); null when nobody has it. */
  async idByPhoneHash(phoneHash: string): Promise<string | null> {
    const seeker = await this.txHost.tx.getRepository(Seeker).findOne({ where: { phoneHash }, select: ['id'] });
    return seeker?.id ?? null;
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
}
