export * from './employer-demand.module';
export * from './employer-directory.service';
export * from './employer.entity';
export * from './pairing.entity';
export * from './shortage.entity';
