import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SHORTAGE_LIMITS as L } from '@app/employer-demand';
import { CreateShortageRequest } from './shortage.request.dto';

/** The properties of a CreateShortageRequest that fail validation (other, missing fields are ignored here). */
function failing(body: Record<string, unknown>): string[] {
  const errors = validateSync(plainToInstance(CreateShortageRequest, body), { skipMissingProperties: true });
  return errors.map((e) => e.property);
}

describe('CreateShortageRequest reads SHORTAGE_LIMITS', () => {
  const text = (n: number) => '岗'.repeat(n);

  it.each([
    ['title', text(L.title[0]), text(L.title[0] - 1)],
    ['title', text(L.title[1]), text(L.title[1] + 1)],
    ['address', text(L.address[1]), text(L.address[1] + 1)],
    ['description', text(L.description[0]), text(L.description[0] - 1)],
    ['shifts', text(L.shifts), text(L.shifts + 1)],
    ['trainingOffered', text(L.trainingOffered), text(L.trainingOffered + 1)],
    ['externalRef', 'r'.repeat(L.externalRef), 'r'.repeat(L.externalRef + 1)],
    ['headcount', L.headcount[1], L.headcount[1] + 1],
    ['headcount', L.headcount[0], L.headcount[0] - 1],
    ['wageMin', L.wage[1], L.wage[1] + 1],
    ['experienceYears', L.experienceYears[1], L.experienceYears[1] + 1],
    ['requiredCertificates', [], Array.from({ length: L.certificates + 1 }, () => 'SKL-4-10-01-05')],
    ['requiredSkills', [{ name: text(L.skillName), level: 1 }], Array.from({ length: L.skills + 1 }, (_, i) => ({ name: `技能${i}`, level: 1 }))],
    ['requiredSkills', [{ name: text(L.skillName), level: 1 }], [{ name: text(L.skillName + 1), level: 1 }]],
  ])('%s: accepts the limit, rejects one past it', (field, ok, tooMuch) => {
    expect(failing({ [field]: ok })).not.toContain(field);
    expect(failing({ [field]: tooMuch })).toContain(field);
  });
});
