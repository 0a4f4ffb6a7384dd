export * from './audit-log.entity';
export * from './audit.module';
export * from './audit.service';
export * from './audited-request';
export * from './outside-request-transaction.decorator';
