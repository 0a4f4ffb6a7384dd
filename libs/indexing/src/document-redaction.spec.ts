import { SeekerSearchDocument } from '@app/search';
import { withoutPersonalIdentifiers } from './document-redaction';

const seeker = (fields: Partial<SeekerSearchDocument> = {}): SeekerSearchDocument => ({
  id: '13812345678-not-a-phone-but-a-key',
  name: '王小燕',
  occupationCodes: ['4-10-01-05'],
  occupationNames: ['养老护理员'],
  occupationTags: ['4', '4-10', '4-10-01', '4-10-01-05'],
  occupationFamilies: ['4-10-01'],
  regionCode: '460106',
  regionTags: ['460106', '460100'],
  skills: [{ name: '生活照料', level: 3 }],
  skillNames: ['生活照料'],
  certificateCodes: [],
  skillLevel: 3,
  workTypes: ['full_time'],
  lat: 20.02,
  lng: 110.32,
  updatedAt: '2026-12-07T05:00:00.000Z',
  education: null,
  languages: ['普通话'],
  wageExpectation: 4500,
  travelRadiusKm: 10,
  availableFrom: null,
  priorityGroups: ['college_graduate'],
  ...fields,
});

describe('withoutPersonalIdentifiers', () => {
  it('returns a clean document as it is, without redactedFields', () => {
    const clean = seeker();
    expect(withoutPersonalIdentifiers(clean)).toBe(clean);
  });

  it('empties text, drops list items and names every field it touched; the id is a key and stays', () => {
    const redacted = withoutPersonalIdentifiers(
      seeker({
        name: '王小燕 138 1234 5678',
        skills: [{ name: '生活照料', level: 3 }, { name: '电话+8613912345678', level: 1 }],
        skillNames: ['生活照料', '电话+8613912345678'],
        languages: ['普通话', '微信１３８１２３４５６７８'],
        education: '身份证 11010519491231002X',
      }),
    );
    expect(redacted).toMatchObject({
      id: '13812345678-not-a-phone-but-a-key',
      name: '',
      skills: [{ name: '生活照料', level: 3 }],
      skillNames: ['生活照料'],
      languages: ['普通话'],
      education: '',
      priorityGroups: ['college_graduate'],
      redactedFields: ['name', 'skills', 'skillNames', 'education', 'languages'],
    });
  });
});
