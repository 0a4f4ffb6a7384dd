import { SkillMatchKind, SkillVocabulary } from './skill-vocabulary';

export interface SkillCoverage {
  /** Skill entries read (a name on one record counts once per record). */
  entries: number;
  distinctNames: number;
  /** Entries that map to a canonical skill, by how they matched. */
  mapped: Record<SkillMatchKind, number>;
  canonicalSkills: number;
  /** Names no canonical skill fits, most written first: what to add to the vocabulary. */
  unmapped: { name: string; entries: number }[];
}

/** How the skill names written on existing records map to canonical skills. Pure. */
export function skillCoverage(names: Iterable<{ name: string; entries: number }>, vocabulary: SkillVocabulary, top = 20): SkillCoverage {
  const mapped: Record<SkillMatchKind, number> = { exact: 0, normalized: 0, similar: 0 };
  const canonical = new Set<string>();
  const unmapped: { name: string; entries: number }[] = [];
  let entries = 0;
  let distinctNames = 0;
  for (const { name, entries: count } of names) {
    entries += count;
    distinctNames++;
    const mapping = vocabulary.map(name);
    if (!mapping) {
      unmapped.push({ name, entries: count });
      continue;
    }
    mapped[mapping.kind] += count;
    canonical.add(mapping.skill.id);
  }
  unmapped.sort((a, b) => b.entries - a.entries || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { entries, distinctNames, mapped, canonicalSkills: canonical.size, unmapped: unmapped.slice(0, top) };
}
