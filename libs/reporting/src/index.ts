export * from './outcomes-report.service';
export * from './reporting.module';
