export * from './fraud-records.entity';
export * from './fraud-checks.service';
export * from './fraud-evidence.service';
