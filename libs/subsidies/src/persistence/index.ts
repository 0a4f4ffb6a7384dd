export * from './evidence-snapshot.entity';
export * from './payment.entity';
export * from './subsidy-claim.entity';
export * from './subsidy-decision.entity';
export * from './subsidies.module';
export * from './subsidy-records.service';
export * from './subsidy-figure-reads.service';
export * from './claim-transition.entity';
