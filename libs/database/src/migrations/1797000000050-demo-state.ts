import { MigrationInterface, QueryRunner } from 'typeorm';

/** The demo data set's own record: when it was loaded, the last day its dates were brought forward, how many shortages were added since. */
export class DemoState1797000000050 implements MigrationInterface {
  name = 'DemoState1797000000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "demo_state" ("id" smallint NOT NULL, "seed" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "loaded_on" date NOT NULL, "refreshed_on" date NOT NULL, "topped_up" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_c20a0c6d6b901d56c709861d43d" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "demo_state"`);
  }
}
