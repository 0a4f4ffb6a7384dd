import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FieldCipher } from '@app/crypto';
import { statesFor } from '../claims/claim-flow';
import { Decision } from '../core';
import { EvidencePort, EvidenceSnapshot } from './evidence-snapshot.entity';
import { SubsidyClaim } from './subsidy-claim.entity';
import { SubsidyDecision } from './subsidy-decision.entity';

export interface EvidenceAnswer {
  port: EvidencePort;
  subjectKey: string;
  source: string;
  fetchedAt: Date;
  validFrom?: string | null;
  validTo?: string | null;
  payload: unknown;
}

/** Claim states whose instalments are owed (those a payment may move on: approved, or a failed payment retried), for SQL. */
export const PAYABLE_CLAIM_STATUSES = `(${statesFor('pay').map((status) => `'${status}'`).join(', ')})`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Keeps evidence snapshots, decision records and payment instalments. */
@Injectable()
export class SubsidyRecordsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cipher: FieldCipher,
  ) {}

  /** Stores a port's answer encrypted, with the hash of its plain JSON; returns the snapshot id. */
  async keepEvidence(answer: EvidenceAnswer): Promise<string> {
    const plain = JSON.stringify(answer.payload);
    const saved = await this.txHost.tx.getRepository(EvidenceSnapshot).save({
      port: answer.port,
      subjectKey: answer.subjectKey,
      source: answer.source,
      fetchedAt: answer.fetchedAt,
      validFrom: answer.validFrom ?? null,
      validTo: answer.validTo ?? null,
      payload: this.cipher.encrypt(plain),
      payloadHash: sha256(plain),
    });
    return saved.id;
  }

  /** A snapshot's payload, decrypted and checked against its hash (throws when it was altered). */
  async readEvidence(id: string): Promise<unknown> {
    const snapshot = await this.txHost.tx.getRepository(EvidenceSnapshot).findOneByOrFail({ id });
    const plain = this.cipher.decrypt(snapshot.payload);
    if (sha256(plain) !== snapshot.payloadHash) throw new Error(`evidence snapshot ${id}: payload does not match its hash`);
    return JSON.parse(plain);
  }

  /** Records a decision on a claim with the evidence it used; `decidedBy` is null for the automatic checks. */
  async recordDecision(claimId: string, decision: Decision, evidenceIds: string[], decidedBy: string | null = null): Promise<SubsidyDecision> {
    const saved = await this.txHost.tx.getRepository(SubsidyDecision).save({
      claimId,
      rule: decision.rule,
      ruleVersion: decision.ruleVersion,
      outcome: decision.outcome,
      amount: decision.amount.toFixed(2),
      relevantDate: decision.relevantDate ?? null,
      parameters: decision.parameters,
      checks: decision.checks,
      instalments: decision.instalments,
      evidenceIds,
      decidedBy,
    });
    await this.txHost.tx.getRepository(SubsidyClaim).update({ id: claimId }, { relevantDate: decision.relevantDate ?? null });
    return saved;
  }

  /**
   * Registers the payable instalments of approved claims' latest decisions, keyed by claim and number: registering
   * again adds nothing, and a later decision adds only the numbers it newly makes payable. A decision counts when it
   * is eligible, or needed review and was confirmed by the city reviewer who passed the claim; the claim needs a payee
   * (the account is kept with the instalment). With `claimIds`, those claims (the workflow calls it in the
   * transaction that approves them, or that records a new decision on a payable claim); without, every payable claim
   * that has no instalment yet (approved before instalments were registered at approval, or loaded as data), which
   * batch creation calls. Set-based. Returns the number added.
   */
  async registerInstalments(claimIds?: readonly string[]): Promise<number> {
    const which = claimIds
      ? `c.id = ANY($1::uuid[])`
      : `NOT EXISTS (SELECT 1 FROM subsidy_payment_instalment i WHERE i.claim_id = c.id) AND EXISTS (SELECT 1 FROM subsidy_payee p WHERE p.claim_id = c.id)`;
    const rows: { n: number }[] = await this.txHost.tx.query(`
      WITH latest AS (
        SELECT DISTINCT ON (d.claim_id) d.claim_id, d.outcome, d.confirmed_by, d.instalments
        FROM subsidy_decision d JOIN subsidy_claim c ON c.id = d.claim_id
        WHERE c.status IN ${PAYABLE_CLAIM_STATUSES} AND ${which}
        ORDER BY d.claim_id, d.decided_at DESC, d.id DESC
      ), inserted AS (
        INSERT INTO subsidy_payment_instalment (claim_id, number, amount_fen, account)
        SELECT l.claim_id, (i->>'number')::int, round((i->>'amount')::numeric * 100)::int, p.account
        FROM latest l JOIN subsidy_payee p ON p.claim_id = l.claim_id, jsonb_array_elements(l.instalments) i
        WHERE (l.outcome = 'eligible' OR (l.outcome = 'needs_review' AND l.confirmed_by IS NOT NULL))
          AND i->>'status' = 'payable' AND (i->>'amount')::numeric > 0
        ON CONFLICT (claim_id, number) DO NOTHING
        RETURNING 1
      ) SELECT count(*)::int AS n FROM inserted`, claimIds ? [claimIds] : []);
    return rows[0].n;
  }
}
