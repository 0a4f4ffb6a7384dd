export * from './import-job.entity';
export * from './import-jobs.service';
export * from './shortage-bulk-writer';
export * from './shortage-export.service';
export * from './shortage-import.service';
export * from './shortage-row.validator';
export * from './shortage-workbook';
export * from './workbook-archive';
