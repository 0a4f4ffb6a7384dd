import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Every outbox topic, with what its aggregate id names. The queue contract (`@app/queue`) types each topic's job from
 * this list and the matcher's domain-events processor must handle every key: a topic added here without a handler
 * does not compile.
 */
export const OUTBOX_TOPICS = {
  /** Re-index the employer (aggregate: the employer id). */
  'employer.changed': 'employer',
  /** Re-index, re-match and let event proposals follow the shortage (aggregate: the shortage id). */
  'shortage.changed': 'shortage',
  /** Re-index and re-match the seeker (aggregate: the seeker id). */
  'seeker.changed': 'seeker',
  /** Tell the employer of a new application and the seeker of a status move (aggregate: the application id). */
  'application.changed': 'application',
  /** Start a full re-match flow (aggregate: the match run id). */
  'match.run_requested': 'match_run',
  /** Plan recruitment events from a complete match run (aggregate: the run id). */
  'events.plan_requested': 'match_run',
  /** Send the SMS of an event's new invitations (aggregate: the event id). */
  'event.invitations_sent': 'recruitment_event',
  /** Tell an event's invitees, registrants and employers that it was cancelled, moved or changed venue (aggregate: the event id). */
  'event.changed': 'recruitment_event',
  /** Screen the published postings again under a newly adopted rule set (aggregate: the rule-set version). */
  'postings.rescreen_requested': 'rule_set',
  /** Re-plan a station's upcoming events after its capacity, open weekdays or closure changed (aggregate: the station id). */
  'station.changed': 'station',
  /** Run a background workbook import (aggregate: the import_job id). */
  'import.requested': 'import_job',
  /** Evaluate a region's early-warning alert after a filing or an import (aggregate: the GB/T 2260 region code). */
  'warning.signals_changed': 'region',
  /** Raise a §41 layoff's alert and start its rapid response (aggregate: the warning_layoff_report id). */
  'warning.layoff_reported': 'warning_layoff_report',
  /** A hire was recorded: open a candidate subsidy claim for it when a rule may apply (免申即享; aggregate: the application id). */
  'subsidy.hire_recorded': 'application',
  /** Run the fraud checks on a submitted subsidy claim and raise its suspicious cases (aggregate: the subsidy_claim id). */
  'subsidy.fraud_check_requested': 'subsidy_claim',
  /** Tell the claimant that a subsidy claim was paid in full (aggregate: the subsidy_claim id). */
  'subsidy.claim_paid': 'subsidy_claim',
} as const;

export type OutboxTopic = keyof typeof OUTBOX_TOPICS;

const INSERT_CHUNK = 5_000;

/**
 * The only writer of outbox rows: records follow-up work inside the caller's transaction. Payloads are ids only.
 * `record` and `recordMany` write in the ambient transaction (TransactionHost); `writeMany` takes an explicit manager
 * for code that runs outside Nest's context (a bulk ingest function), and `insertFromSql` gives a set-based statement
 * its outbox part, so bulk paths keep their speed.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async record(topic: OutboxTopic, aggregateId: string): Promise<void> {
    await this.txHost.tx.insert(OutboxEvent, { topic, aggregateId });
  }

  /** One row per id, in the ambient transaction. */
  async recordMany(topic: OutboxTopic, aggregateIds: readonly string[]): Promise<void> {
    await OutboxService.writeMany(this.txHost.tx, topic, aggregateIds);
  }

  /** One row per id, in the given manager's transaction; multi-row inserts in chunks. */
  static async writeMany(manager: EntityManager, topic: OutboxTopic, aggregateIds: readonly string[]): Promise<void> {
    for (let start = 0; start < aggregateIds.length; start += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxEvent)
        .values(aggregateIds.slice(start, start + INSERT_CHUNK).map((aggregateId) => ({ topic, aggregateId })))
        .updateEntity(false)
        .execute();
    }
  }

  /**
   * An `INSERT INTO outbox_event …` statement (usable as a data-modifying CTE) that writes one row of `topic` per id
   * the given `SELECT` returns (its first column, any type castable to text).
   */
  static insertFromSql(topic: OutboxTopic, selectIds: string): string {
    if (!(topic in OUTBOX_TOPICS)) throw new Error(`unknown outbox topic ${topic}`);
    return `INSERT INTO outbox_event (topic, aggregate_id) SELECT '${topic}', ids.id::text FROM (${selectIds}) AS ids(id)`;
  }

  /**
   * Writes again every row of the given topics recorded since `since` (an SQL expression), processed or not:
   * work done against a state that has since been replaced is done once more.
   */
  static replaySql(topics: readonly OutboxTopic[], since: string): string {
    for (const topic of topics) if (!(topic in OUTBOX_TOPICS)) throw new Error(`unknown outbox topic ${topic}`);
    return `INSERT INTO outbox_event (topic, aggregate_id)
      SELECT DISTINCT topic, aggregate_id FROM outbox_event
      WHERE topic IN (${topics.map((t) => `'${t}'`).join(', ')}) AND created_at >= ${since}`;
  }
}
