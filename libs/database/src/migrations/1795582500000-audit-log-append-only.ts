import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit rows are append-only for every database role, the application's included: no UPDATE ever, and no
 * DELETE of a row younger than 180 days (the retention floor). A TRUNCATE is refused too.
 * Also installs the text-search extensions the built-in search engine uses.
 */
export class AuditLogAppendOnly1795582500000 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795582500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'audit_log rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
        ELSIF TG_OP = 'DELETE' AND OLD.at > now() - interval '180 days' THEN
          RAISE EXCEPTION 'audit_log rows are kept at least 180 days' USING ERRCODE = 'insufficient_privilege';
        ELSIF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'audit_log cannot be truncated' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_guard()`);
  }
}
