import { validateSync } from 'class-validator';
import { makeCreditCode } from './credit-code';
import { IsCreditCode, IsMobileNumber, IsResidentId } from './validators';

class Form {
  @IsResidentId() idNumber: unknown;
  @IsCreditCode() creditCode: unknown;
  @IsMobileNumber() phone: unknown;
}

function messages(values: Partial<Form>): Record<string, string[]> {
  const form = Object.assign(new Form(), { idNumber: '11010519491231002X', creditCode: '91350100M000100Y43', phone: '13812345678' }, values);
  return Object.fromEntries(validateSync(form).map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('class-validator decorators', () => {
  it('accepts valid values', () => {
    expect(messages({})).toEqual({});
    expect(messages({ creditCode: makeCreditCode('91460100MA5T00000') })).toEqual({});
  });

  it('explains a wrong check digit in Chinese', () => {
    expect(messages({ idNumber: '110105194912310021' })).toEqual({ idNumber: ['身份证号码校验位不正确'] });
    expect(messages({ creditCode: '91350100M000100Y44' })).toEqual({ creditCode: ['统一社会信用代码校验位不正确'] });
  });

  it('explains bad format and bad birth date', () => {
    expect(messages({ idNumber: '123' }).idNumber[0]).toContain('18位');
    expect(messages({ idNumber: 42 }).idNumber[0]).toContain('18位');
    expect(messages({ idNumber: '11010519491331002X' })).toEqual({ idNumber: ['身份证号码中的出生日期无效'] });
    expect(messages({ creditCode: 'abc' }).creditCode[0]).toContain('18位');
    expect(messages({ phone: '1234' })).toEqual({ phone: ['手机号码格式不正确，应为1开头的11位数字'] });
  });

  it('lets the caller override the message', () => {
    class Custom {
      @IsMobileNumber({ message: '请填写手机号' }) phone = 'x';
    }
    expect(validateSync(new Custom())[0].constraints).toEqual({ isMobileNumber: '请填写手机号' });
  });
});
