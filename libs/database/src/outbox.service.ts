import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { OutboxEvent } from './outbox-event.entity';

export type OutboxTopic =
  | 'employer.changed'
  | 'pairing.changed'
  | 'shortage.changed'
  | 'seeker.changed'
  | 'application.changed'
  | 'station.changed'
  | 'match.run_requested'
  /** Plan recruitment events from a complete match run (aggregate: the run id). */
  | 'events.plan_requested'
  /** Send the SMS of an event's new invitations (aggregate: the event id). */
  | 'event.invitations_sent'
  /** Tell an event's invitees, registrants and employers that it was cancelled or moved (aggregate: the event id). */
  | 'event.changed';

/** Records follow-up work inside the caller's transaction. Payloads are ids only. */
@Injectable()
export class OutboxService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async record(topic: OutboxTopic, aggregateId: string): Promise<void> {
    await this.txHost.tx.insert(OutboxEvent, { topic, aggregateId });
  }
}
