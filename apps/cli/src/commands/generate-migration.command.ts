import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

/**
 * Writes a migration with the SQL that brings the (migrated) database in line with the entities. Review it,
 * then add it to libs/database/src/migrations/index.ts.
 */
@Command({ name: 'db:migration', arguments: '<Name>', description: 'Generate a migration from entity changes' })
export class GenerateMigrationCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name must be PascalCase, e.g. AddShortageTransitions');
    const sql = await this.dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('no changes: entities and migrations agree');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const lines = (queries: { query: string }[]) =>
      queries.map((q) => `    await queryRunner.query(\`${q.query.replace(/[`\\]/g, '\\$&')}\`);`).join('\n');
    const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`;
    const file = join(process.cwd(), 'libs/database/src/migrations', `${timestamp}-${kebab(name)}.ts`);
    writeFileSync(file, source);
    console.log(`wrote ${file}\nreview it, then list ${className} in libs/database/src/migrations/index.ts`);
  }
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
