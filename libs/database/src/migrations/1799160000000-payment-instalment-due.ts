import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payment batches pick the due (or failed, retried) instalments: a partial index holds just those, in claim and number
 * order, so a batch does not read every instalment ever paid.
 */
export class PaymentInstalmentDue1799160000000 implements MigrationInterface {
  name = 'PaymentInstalmentDue1799160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "subsidy_payment_instalment_due" ON "subsidy_payment_instalment" ("claim_id", "number") WHERE status IN ('due', 'failed')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."subsidy_payment_instalment_due"`);
  }
}
