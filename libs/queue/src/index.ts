export * from './outbox-relay.service';
export * from './queue-names';
export * from './queue.module';
export * from './redis-connection';
export * from './dead-letters';
export * from './queue-dashboard';
