export * from './fraud-records.entity';
