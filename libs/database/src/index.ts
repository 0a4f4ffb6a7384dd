export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './outbox-event.entity';
export * from './outbox.service';
export * from './schema-drift';
export * from './unique-violation';
export * from './like-pattern';
