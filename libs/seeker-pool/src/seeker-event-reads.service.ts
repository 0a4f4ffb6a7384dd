import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { countedPriorityGroupsSql, countsAsPrioritySql } from './priority-consent';

/** Whom to tell of an event and how: the name, and the phone as stored (encrypted; the sender decrypts it). */
export interface SeekerContact {
  id: string;
  name: string;
  phoneEncrypted: string | null;
}

/** Where a seeker is for event planning, how far they travel, and whether a priority group counts (with consent). */
export interface SeekerPlanningPlace {
  id: string;
  lat: number | null;
  lng: number | null;
  regionCode: string;
  travelRadiusKm: number;
  countsAsPriority: boolean;
}

/**
 * The seeker pool's read port for recruitment events (beside SeekerReads): intention-named reads of the `seeker`
 * table for invitations, notices, reminders, outcomes, reports and planning. Unscoped: callers check scope first.
 * Runs in the caller's transaction. Missing ids are left out of every answer.
 */
@Injectable()
export class SeekerEventReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Display names by seeker id. */
  async namesOf(seekerIds: readonly string[]): Promise<Map<string, string>> {
    if (seekerIds.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.txHost.tx.query(`SELECT id, name FROM seeker WHERE id = ANY($1::uuid[])`, [[...new Set(seekerIds)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Names and stored phones of the seekers to tell of an event, by seeker id. */
  async contactsOf(seekerIds: readonly string[]): Promise<Map<string, SeekerContact>> {
    if (seekerIds.length === 0) return new Map();
    const rows: SeekerContact[] = await this.txHost.tx.query(
      `SELECT id, name, phone_encrypted AS "phoneEncrypted" FROM seeker WHERE id = ANY($1::uuid[])`,
      [[...new Set(seekerIds)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The priority groups that count (with consent) of each seeker: empty without consent or groups. */
  async countedPriorityGroupsOf(seekerIds: readonly string[]): Promise<Map<string, string[]>> {
    if (seekerIds.length === 0) return new Map();
    const rows: { id: string; groups: string[] | null }[] = await this.txHost.tx.query(
      `SELECT s.id, ${countedPriorityGroupsSql('s')} AS groups FROM seeker s WHERE s.id = ANY($1::uuid[])`,
      [[...new Set(seekerIds)]],
    );
    return new Map(rows.map((r) => [r.id, (r.groups ?? []).filter(Boolean)]));
  }

  /** Places, travel radii and counted priority of the seekers a planning invites from, by seeker id. */
  async planningPlacesOf(seekerIds: readonly string[]): Promise<Map<string, SeekerPlanningPlace>> {
    if (seekerIds.length === 0) return new Map();
    const rows: SeekerPlanningPlace[] = await this.txHost.tx.query(
      `SELECT s.id, s.lat, s.lng, s.region_code AS "regionCode", s.travel_radius_km AS "travelRadiusKm", ${countsAsPrioritySql('s')} AS "countsAsPriority"
       FROM seeker s WHERE s.id = ANY($1::uuid[])`,
      [[...new Set(seekerIds)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
