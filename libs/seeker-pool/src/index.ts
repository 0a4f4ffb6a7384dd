export * from './seeker-directory.service';
export * from './seeker-pool.module';
export * from './seeker.entity';
