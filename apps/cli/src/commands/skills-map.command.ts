import { Command, CommandRunner } from 'nest-commander';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SkillCoverage, skillCoverage, SkillVocabulary } from '@app/taxonomy';

/** Every skill name written on a seeker or a shortage (required and preferred), with how many entries carry it. */
const SKILL_NAMES_SQL = `
  SELECT name, count(*)::int AS entries FROM (
    SELECT skill->>'name' AS name FROM seeker, jsonb_array_elements(skills) skill
    UNION ALL SELECT skill->>'name' FROM shortage, jsonb_array_elements(required_skills) skill
    UNION ALL SELECT skill->>'name' FROM shortage, jsonb_array_elements(preferred_skills) skill
  ) written WHERE name IS NOT NULL GROUP BY name`;

/**
 * Existing rows need no rewrite: matching, search skill fit and training referrals map each skill name to its
 * canonical skill when they read it (SkillVocabulary.withIds), so a vocabulary that grows applies to every row on the
 * next match run. This command maps the names stored today and reports the coverage and the most common names no
 * canonical skill fits, which are the ones to add to libs/taxonomy/data/skills/skill-vocabulary.json.
 */
@Command({ name: 'skills:map', description: 'Map the skills written on existing seekers and shortages to canonical skills and report the coverage (writes nothing)' })
export class SkillsMapCommand extends CommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vocabulary: SkillVocabulary,
  ) {
    super();
  }

  async run(): Promise<void> {
    const rows: { name: string; entries: number }[] = await this.dataSource.query(SKILL_NAMES_SQL);
    console.log(describe(skillCoverage(rows, this.vocabulary)));
  }
}

function describe(c: SkillCoverage): string {
  const mapped = c.mapped.exact + c.mapped.normalized + c.mapped.similar;
  const share = c.entries ? ((100 * mapped) / c.entries).toFixed(1) : '0.0';
  const lines = [
    `${c.entries} skill entries (${c.distinctNames} distinct names): ${mapped} (${share}%) map to ${c.canonicalSkills} canonical skills ` +
      `(exact ${c.mapped.exact}, normal form ${c.mapped.normalized}, similar ${c.mapped.similar}); ${c.entries - mapped} stay as written`,
  ];
  if (c.unmapped.length) lines.push(`most written without a canonical skill: ${c.unmapped.map((u) => `${u.name} (${u.entries})`).join(', ')}`);
  return lines.join('\n');
}
