export * from './early-warning.module';
export * from './measures';
export * from './rapid-response.service';
export * from './warning-alerts.service';
export * from './warning-signals.service';
export * from './warning.entities';
export * from './warning-workbook.service';
