import { Module } from '@nestjs/common';
import { CreateUserCommand } from './commands/create-user.command';
import { GenerateMigrationCommand } from './commands/generate-migration.command';
import { MigrateCommand } from './commands/migrate.command';

@Module({
  providers: [CreateUserCommand, MigrateCommand, GenerateMigrationCommand],
})
export class CliModule {}
