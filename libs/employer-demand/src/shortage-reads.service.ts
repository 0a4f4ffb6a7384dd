import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { liveShortageSql, liveShortageWithPlacesSql } from './shortage-lifecycle';
import { Shortage } from './shortage.entity';

/**
 * Employer demand's read port for other domains: intention-named reads of the `shortage` table. Unscoped: callers
 * check scope first (ShortageDirectory). Runs in the caller's transaction.
 */
@Injectable()
export class ShortageReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Every live shortage's id and last change: what the shortages search index should hold. */
  async searchVersions(): Promise<{ id: string; updatedAt: Date }[]> {
    const rows: { id: string; updated_at: Date }[] = await this.txHost.tx.query(`SELECT id::text AS id, updated_at FROM shortage WHERE ${liveShortageSql()}`);
    return rows.map((row) => ({ id: row.id, updatedAt: row.updated_at }));
  }

  /** The shortages that exist among `shortageIds`, whole and with their employer: what search documents are built from. */
  forSearch(shortageIds: readonly string[]): Promise<Shortage[]> {
    return this.txHost.tx.getRepository(Shortage).find({ where: { id: In([...shortageIds]) }, relations: { employer: true } });
  }

  /** A published posting (open or partially filled) with its employer, or null: what the public job page shows. */
  async published(id: string): Promise<Shortage | null> {
    return this.txHost.tx
      .getRepository(Shortage)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.employer', 'e')
      .where('s.id = :id', { id })
      .andWhere(liveShortageSql('s'))
      .getOne();
  }

  /** The ids of an employer's shortages (any status). */
  async idsOfEmployer(employerId: string): Promise<string[]> {
    const shortages = await this.txHost.tx.getRepository(Shortage).find({ where: { employerId }, select: { id: true } });
    return shortages.map((shortage) => shortage.id);
  }

  /** How many of an employer's shortages are live (published and not closed): the job page's "open postings". */
  async liveCountOfEmployer(employerId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await this.txHost.tx.query(
      `SELECT count(*)::int AS count FROM shortage WHERE employer_id = $1 AND ${liveShortageSql()}`,
      [employerId],
    );
    return count;
  }

  /**
   * Open shortages with places left in a region (a city prefix such as `4601` covers its districts), with what a
   * rapid response needs to rank them by occupation and distance.
   */
  openInRegion(regionPrefix: string, limit = 2_000): Promise<OpenShortagePlace[]> {
    return this.txHost.tx.query(
      `SELECT s.id, s.employer_id AS "employerId", s.title, s.occupation_code AS "occupationCode", s.region_code AS "regionCode", s.lat, s.lng,
              (s.headcount - s.filled_headcount)::int AS "openHeadcount"
       FROM shortage s WHERE ${liveShortageWithPlacesSql('s')} AND s.region_code LIKE $1 ORDER BY s.id LIMIT $2`,
      [`${regionPrefix}%`, limit],
    );
  }
}

/** An open shortage as a rapid response ranks it. */
export interface OpenShortagePlace {
  id: string;
  employerId: string;
  title: string;
  occupationCode: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  openHeadcount: number;
}
