import { Command, CommandRunner } from 'nest-commander';
import { AppConfig } from '@app/config';
import { migrateDatabase } from '@app/database';

@Command({ name: 'db:migrate', description: 'Apply pending database migrations' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const applied = await migrateDatabase(this.config);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  }
}
