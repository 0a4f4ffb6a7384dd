import { validateSync } from 'class-validator';
import { IsCertificateCode, IsIndustryCode, IsOccupationCode, IsRegionCode } from './taxonomy-code.validators';

class ShortageDto {
  @IsOccupationCode({ level: 4 })
  occupationCode: unknown = '4-10-01-05';

  @IsOccupationCode()
  familyCode: unknown = '4-10-01';

  @IsIndustryCode()
  industryCode: unknown = '8514';

  @IsRegionCode()
  regionCode: unknown = '460106';

  @IsCertificateCode({ each: true })
  certificateCodes: unknown = ['SKL-4-10-01-05', 'SPO-1.2'];
}

function messages(patch: Partial<ShortageDto>): Record<string, string> {
  const dto = Object.assign(new ShortageDto(), patch);
  return Object.fromEntries(
    validateSync(dto).flatMap((error) => Object.values(error.constraints ?? {}).map((m) => [error.property, m])),
  );
}

describe('taxonomy code validators', () => {
  it('accept good codes', () => {
    expect(messages({})).toEqual({});
    expect(messages({ regionCode: '460400499', industryCode: 'A', certificateCodes: [] })).toEqual({});
  });

  it('reject unknown codes, naming the value in Chinese', () => {
    expect(
      messages({ occupationCode: '4-99-99-99', industryCode: '9999', regionCode: '110101', familyCode: 'x' }),
    ).toEqual({
      occupationCode: '职业编码“4-99-99-99”不存在',
      familyCode: '职业编码“x”不存在',
      industryCode: '行业编码“9999”不存在',
      regionCode: '行政区划编码“110101”不存在',
    });
  });

  it('reject an occupation of the wrong level', () => {
    expect(messages({ occupationCode: '4-10-01' })).toEqual({ occupationCode: '职业编码“4-10-01”不是细类（第4级）编码' });
  });

  it('reject non-strings', () => {
    expect(messages({ regionCode: 460106, familyCode: undefined })).toEqual({
      regionCode: '行政区划编码“460106”不存在',
      familyCode: '职业编码“undefined”不存在',
    });
  });

  it('check each element of an array and name only the bad ones', () => {
    expect(messages({ certificateCodes: ['SKL-4-10-01-05', 'SKL-9', 'SPO-99'] })).toEqual({
      certificateCodes: '证书编码“SKL-9”不存在；证书编码“SPO-99”不存在',
    });
  });
});
