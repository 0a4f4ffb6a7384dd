import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FieldCipher } from '@app/crypto';
import { Decision, dueInstalments } from '../core';
import { EvidencePort, EvidenceSnapshot } from './evidence-snapshot.entity';
import { SubsidyPaymentInstalment } from './payment.entity';
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
   * Registers the payable instalments of an approved decision, keyed by claim and number: registering again (a
   * retried job, a re-run) adds nothing. Returns the numbers added.
   */
  async registerInstalments(claimId: string, decision: Decision, account: string): Promise<number[]> {
    if (decision.outcome !== 'eligible') throw new Error(`claim ${claimId}: only an eligible decision has instalments to pay`);
    const rows = dueInstalments(claimId, account, decision.instalments).map((i) => ({
      claimId, number: i.number, amountFen: i.amountFen, account: this.cipher.encrypt(i.account),
    }));
    if (!rows.length) return [];
    const result = await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(SubsidyPaymentInstalment)
      .values(rows)
      .orIgnore()
      .returning(['number'])
      .execute();
    return (result.raw as { number: number }[]).map((r) => r.number).sort((a, b) => a - b);
  }
}
