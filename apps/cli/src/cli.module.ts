import { Module } from '@nestjs/common';
import { DemoDataModule } from '@app/demo-data';
import { CreateUserCommand } from './commands/create-user.command';
import { LoadDemoCommand } from './commands/load-demo.command';
import { GenerateMigrationCommand } from './commands/generate-migration.command';
import { MigrateCommand } from './commands/migrate.command';

@Module({
  imports: [DemoDataModule],
  providers: [CreateUserCommand, MigrateCommand, GenerateMigrationCommand, LoadDemoCommand],
})
export class CliModule {}
