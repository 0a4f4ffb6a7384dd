import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxProcessed1795587586195 implements MigrationInterface {
  name = 'OutboxProcessed1795587586195';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "processed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "outbox_event_unprocessed_idx" ON "outbox_event" ("sent_at") WHERE processed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_event_unprocessed_idx"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "processed_at"`);
  }
}
