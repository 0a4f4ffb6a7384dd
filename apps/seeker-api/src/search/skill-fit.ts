import { skillKey, skillMet } from '@app/matching';
import { SearchSkill } from '@app/search';
import { SkillVocabulary } from '@app/taxonomy';

export interface SkillFit {
  /** Required skills the seeker has at the level asked or above (a synonym counts: 炒菜 meets 热菜烹制). */
  matched: string[];
  /** Required skills the seeker lacks or holds below the level asked. */
  missing: string[];
  /** Required certificates the seeker does not hold. */
  missingCertificates: string[];
}

/** Which of a job's requirements a seeker meets, skills compared as canonical skills (the matching's rule). Pure. */
export function skillFit(
  required: SearchSkill[],
  requiredCertificates: string[],
  seeker: { skills: SearchSkill[]; certificateCodes: string[] },
  vocabulary: SkillVocabulary,
): SkillFit {
  const levels = new Map<string, number>();
  for (const skill of vocabulary.withIds(seeker.skills)) {
    const key = skillKey(skill);
    levels.set(key, Math.max(levels.get(key) ?? 0, skill.level));
  }
  const held = new Set(seeker.certificateCodes);
  // As in matching, a requirement without a level still asks for the skill.
  const met = (skill: SearchSkill) => skillMet(levels.get(skillKey({ name: skill.name, skillId: vocabulary.canonicalId(skill.name) })) ?? 0, Math.max(1, skill.level));
  return {
    matched: required.filter(met).map((skill) => skill.name),
    missing: required.filter((skill) => !met(skill)).map((skill) => skill.name),
    missingCertificates: requiredCertificates.filter((code) => !held.has(code)),
  };
}
