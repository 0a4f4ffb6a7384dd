import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EvidenceRecords } from '../evidence/ports';

/**
 * Projects the answers of the evidence ports the fraud checks compare across people (social insurance months,
 * exclusion lists) into tables the set-based checks join, keyed like the claims (`keyOf`: the blind index of an ID
 * number). Importing the same rows again adds nothing.
 */
@Injectable()
export class FraudEvidenceService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async projectInsuredMonths(records: readonly EvidenceRecords['social_insurance'][], keyOf: (idNumber: string) => string): Promise<number> {
    let added = 0;
    for (let start = 0; start < records.length; start += 10_000) {
      const chunk = records.slice(start, start + 10_000);
      const rows: unknown[] = await this.txHost.tx.query(
        `INSERT INTO subsidy_insured_month (person_key, month, employer_key)
         SELECT x.p, (x.m || '-01')::date, x.e FROM jsonb_to_recordset($1::jsonb) AS x(p text, m text, e text)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [JSON.stringify(chunk.map((r) => ({ p: keyOf(r.idNumber), m: r.month.slice(0, 7), e: r.employerCode })))],
      );
      added += rows.length;
    }
    return added;
  }

  async projectExclusions(records: readonly EvidenceRecords['exclusion_list'][], keyOf: (idNumber: string) => string): Promise<number> {
    if (!records.length) return 0;
    const rows: unknown[] = await this.txHost.tx.query(
      `INSERT INTO subsidy_exclusion (person_key, list, valid_from)
       SELECT x.p, x.l, x.f::date FROM jsonb_to_recordset($1::jsonb) AS x(p text, l text, f text)
       ON CONFLICT (person_key, list) DO UPDATE SET valid_from = least(subsidy_exclusion.valid_from, excluded.valid_from) RETURNING 1`,
      [JSON.stringify(records.map((r) => ({ p: keyOf(r.idNumber), l: r.list, f: r.from })))],
    );
    return rows.length;
  }
}
