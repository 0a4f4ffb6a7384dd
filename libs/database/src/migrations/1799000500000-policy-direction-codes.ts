import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's seven directions become a code list on shortages (issue 20): existing values written as the Chinese
 * name, the plan's item number (二（一）, （三）, 一…七) or D1–D7 are mapped to their code; anything else that is not a
 * code is cleared (it could not be counted under any direction), and a CHECK keeps the column to the seven codes.
 */
export class PolicyDirectionCodes1799000500000 implements MigrationInterface {
  name = 'PolicyDirectionCodes1799000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mapping: [string, string[]][] = [
      ['advanced_manufacturing', ['先进制造业', '先进制造', '制造业', '二（一）', '（一）', '一', 'D1', '1']],
      ['consumption', ['服务消费', '消费', '二（二）', '（二）', '二', 'D2', '2']],
      ['major_projects', ['重大项目', '重大工程项目', '以工代赈', '二（三）', '（三）', '三', 'D3', '3']],
      ['livelihood', ['民生保障', '民生服务', '二（四）', '（四）', '四', 'D4', '4']],
      ['grassroots', ['基层就业', '城乡基层', '二（五）', '（五）', '五', 'D5', '5']],
      ['private_sme', ['民营中小企业', '民营企业', '中小微企业', '个体工商户', '二（六）', '（六）', '六', 'D6', '6']],
      ['public_soe', ['国有企业和公共部门', '国有企业', '事业单位', '二（七）', '（七）', '七', 'D7', '7']],
    ];
    for (const [code, values] of mapping) {
      await queryRunner.query(
        `UPDATE "shortage" SET "policy_direction" = $1 WHERE btrim(replace(replace("policy_direction", '(', '（'), ')', '）')) = ANY($2::text[]) OR lower(btrim("policy_direction")) = $1`,
        [code, values],
      );
    }
    await queryRunner.query(`UPDATE "shortage" SET "policy_direction" = NULL WHERE "policy_direction" IS NOT NULL AND "policy_direction" NOT IN ('advanced_manufacturing', 'consumption', 'major_projects', 'livelihood', 'grassroots', 'private_sme', 'public_soe')`);
    await queryRunner.query(`ALTER TABLE "shortage" ADD CONSTRAINT "shortage_policy_direction_check" CHECK (policy_direction IN ('advanced_manufacturing', 'consumption', 'major_projects', 'livelihood', 'grassroots', 'private_sme', 'public_soe'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shortage" DROP CONSTRAINT "shortage_policy_direction_check"`);
  }
}
