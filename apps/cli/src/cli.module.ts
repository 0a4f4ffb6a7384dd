import { Module } from '@nestjs/common';
import { DemoDataModule } from '@app/demo-setup';
import { EmployerDemandModule } from '@app/employer-demand';
import { IndexingModule } from '@app/indexing';
import { QueueModule } from '@app/queue';
import { CreateUserCommand } from './commands/create-user.command';
import { LoadDemoCommand } from './commands/load-demo.command';
import { GenerateMigrationCommand } from './commands/generate-migration.command';
import { GeoBackfillCommand } from './commands/geo-backfill.command';
import { MigrateCommand } from './commands/migrate.command';
import { RedriveJobsCommand } from './commands/redrive-jobs.command';
import { RefreshDemoCommand } from './commands/refresh-demo.command';
import { RescreenPostingsCommand } from './commands/rescreen-postings.command';
import { ReconcileCommand, ReindexCommand } from './commands/search-index.commands';
import { SkillsMapCommand } from './commands/skills-map.command';

@Module({
  imports: [DemoDataModule, EmployerDemandModule, IndexingModule, QueueModule],
  providers: [CreateUserCommand, MigrateCommand, GenerateMigrationCommand, LoadDemoCommand, RefreshDemoCommand, ReindexCommand, ReconcileCommand, RedriveJobsCommand, GeoBackfillCommand, RescreenPostingsCommand, SkillsMapCommand],
})
export class CliModule {}
