export * from './application-flow';
export * from './application.entity';
export * from './applications.service';
export * from './seeker-directory.service';
export * from './seeker-pool.module';
export * from './seeker-profiles.service';
export * from './seeker.entity';
export * from './seeker-bulk-ingest';
