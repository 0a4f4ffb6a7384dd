export * from './demand-summary.service';
export * from './outcomes-report.service';
export * from './reporting.module';
export * from './warning-market.service';
