import { maskName, maskPhone, maskResidentId } from './masking';

describe('masking', () => {
  it('keeps 3 + 4 of an ID number, hiding the birth date', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
    expect(maskResidentId('460100199003071234')).toBe('460***********1234');
  });

  it('keeps 3 + 4 of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks short values entirely instead of revealing them', () => {
    expect(maskResidentId('1234567')).toBe('*******');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone('')).toBe('');
  });

  it('keeps the first character of a name (and the last one for 3+)', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('欧阳晓峰')).toBe('欧**峰');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
  });
});
