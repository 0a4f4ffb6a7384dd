import { SearchSkill } from '@app/search';

export interface SkillFit {
  /** Required skills the seeker has at the level asked or above. */
  matched: string[];
  /** Required skills the seeker lacks or holds below the level asked. */
  missing: string[];
  /** Required certificates the seeker does not hold. */
  missingCertificates: string[];
}

/** Which of a job's requirements a seeker meets. Pure. */
export function skillFit(
  required: SearchSkill[],
  requiredCertificates: string[],
  seeker: { skills: SearchSkill[]; certificateCodes: string[] },
): SkillFit {
  const levels = new Map(seeker.skills.map((skill) => [skill.name, skill.level]));
  const held = new Set(seeker.certificateCodes);
  return {
    matched: required.filter((skill) => (levels.get(skill.name) ?? 0) >= skill.level).map((skill) => skill.name),
    missing: required.filter((skill) => (levels.get(skill.name) ?? 0) < skill.level).map((skill) => skill.name),
    missingCertificates: requiredCertificates.filter((code) => !held.has(code)),
  };
}
