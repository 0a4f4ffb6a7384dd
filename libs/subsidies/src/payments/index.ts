export * from './payment-records.entity';
export * from './payees.service';
export * from './subsidy-payments.service';
export * from './payment-notices.service';
export * from './subsidy-payments.module';
