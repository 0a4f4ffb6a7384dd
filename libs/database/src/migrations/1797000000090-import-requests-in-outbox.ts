import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background imports are now handed to the matcher through the outbox (topic `import.requested`) instead of a polling
 * dispatcher: every import that was waiting or running when this migrates gets its outbox row, so none is stranded.
 * Rows left unprocessed by the old topics that have no handler any more (`pairing.changed`, `station.changed`) are
 * marked processed, so the relay stops handing them out.
 */
export class ImportRequestsInOutbox1797000000090 implements MigrationInterface {
  name = 'ImportRequestsInOutbox1797000000090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "outbox_event" ("topic", "aggregate_id") SELECT 'import.requested', "id"::text FROM "import_job" WHERE "status" IN ('queued', 'running') ORDER BY "created_at"`,
    );
    await queryRunner.query(
      `UPDATE "outbox_event" SET "processed_at" = now(), "sent_at" = coalesce("sent_at", now()) WHERE "topic" IN ('pairing.changed', 'station.changed') AND "processed_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox_event" WHERE "topic" = 'import.requested' AND "processed_at" IS NULL`);
  }
}
