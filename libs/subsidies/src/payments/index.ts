export * from './payment-records.entity';
