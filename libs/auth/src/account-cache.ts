import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import Redis from 'ioredis';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppConfig, redisOptions } from '@app/config';
import type { User } from './user.entity';

/** What an access check needs of an account: who it acts as, whether it may act, and what `GET /api/auth/me` shows. */
export type AccountState = Pick<User, 'id' | 'role' | 'employerId' | 'seekerId' | 'regionCode' | 'displayName' | 'termsVersion' | 'disabled' | 'tokenVersion'>;

/** Accounts kept at most; past it the oldest entry goes (a replica serves far fewer signed-in people at once). */
const MAX_ENTRIES = 50_000;

/**
 * The account state the AccessGuard checks on every signed-in request, kept in this process for
 * ACCOUNT_CACHE_SECONDS per user id so a request does not ask PostgreSQL each time.
 *
 * Every change that must act at once (disabled, role or region, password change or reset, i.e. the token version,
 * display name, terms consent, account deleted) calls `invalidate`: the entry goes here at once, and every replica
 * is told on one Redis channel (`<QUEUE_PREFIX>:account-changed`). A change inside a transaction is announced again
 * after its commit, so no replica keeps what it re-read before the commit. A read that started before an
 * invalidation does not store its result. If Redis is unreachable, other replicas see the change when their entry
 * runs out (ACCOUNT_CACHE_SECONDS at most); a replica whose subscription reconnects drops its whole cache.
 */
@Injectable()
export class AccountCache implements OnModuleInit, OnApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger('AccountCache');
  private readonly entries = new Map<string, { account: AccountState; expires: number }>();
  private readonly ttlMs: number;
  private readonly channel: string;
  /** Moves on every invalidation: a read that began under an older generation does not store its result. */
  private generation = 0;
  /** Ids changed in a transaction still open, announced again when it commits. */
  private readonly changedIn = new WeakMap<QueryRunner, Set<string>>();
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(
    config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.ttlMs = config.ACCOUNT_CACHE_SECONDS * 1000;
    this.channel = `${config.QUEUE_PREFIX}:account-changed`;
    if (this.ttlMs > 0) {
      dataSource.subscribers.push(this);
      const options = { ...redisOptions(config.REDIS_URL), lazyConnect: true, connectTimeout: 2000 };
      // An announcement Redis cannot take now is dropped (the TTL bounds it); the subscription waits for Redis however
      // long it is away, and is renewed by ioredis after each reconnect.
      this.publisher = new Redis({ ...options, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.subscriber = new Redis({ ...options, maxRetriesPerRequest: null });
    }
  }

  onModuleInit(): void {
    const { publisher, subscriber } = this;
    if (!publisher || !subscriber) return;
    let connectedBefore = false;
    for (const client of [publisher, subscriber]) client.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
    subscriber.on('message', (_channel: string, userId: string) => this.forget(userId));
    subscriber.on('ready', () => {
      // Announcements sent while this replica was away are lost: start afresh.
      if (connectedBefore) this.forgetAll();
      connectedBefore = true;
    });
    subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`not subscribed to ${this.channel}: ${error.message}`));
    publisher.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }

  /** The cached account, or the one `read` gives (kept unless an invalidation came in meanwhile). */
  async get(userId: string, read: () => Promise<AccountState | null>): Promise<AccountState | null> {
    const now = Date.now();
    const entry = this.entries.get(userId);
    if (entry && entry.expires > now) return entry.account;
    const generation = this.generation;
    const account = await read();
    if (account && this.ttlMs > 0 && generation === this.generation) {
      this.entries.delete(userId);
      this.entries.set(userId, { account, expires: now + this.ttlMs });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return account;
  }

  /** The account changed (or is gone): forget it here and on every replica, now and again after the commit. */
  invalidate(userId: string): void {
    if (this.ttlMs === 0) return;
    this.forget(userId);
    this.announce(userId);
    const runner = this.txHost.tx.queryRunner;
    if (runner?.isTransactionActive) {
      const ids = this.changedIn.get(runner) ?? new Set<string>();
      ids.add(userId);
      this.changedIn.set(runner, ids);
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const ids = this.changedIn.get(event.queryRunner);
    if (!ids) return;
    this.changedIn.delete(event.queryRunner);
    for (const id of ids) {
      this.forget(id);
      this.announce(id);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.changedIn.delete(event.queryRunner);
  }

  private forget(userId: string): void {
    this.generation++;
    this.entries.delete(userId);
  }

  private forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  private announce(userId: string): void {
    this.publisher?.publish(this.channel, userId).catch((error: Error) => this.logger.warn(`account change not announced (${error.message}): other replicas see it within ${this.ttlMs / 1000} s`));
  }
}
