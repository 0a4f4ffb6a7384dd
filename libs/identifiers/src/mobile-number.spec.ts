import { isMobileNumber } from './mobile-number';

describe('isMobileNumber', () => {
  it.each(['13800138000', '19912345678', '15000000000'])('accepts %s', (value) => {
    expect(isMobileNumber(value)).toBe(true);
  });

  it.each(['12800138000', '1380013800', '138001380000', '+8613800138000', '138-0013-8000', '', 13800138000, null])(
    'rejects %p',
    (value) => {
      expect(isMobileNumber(value)).toBe(false);
    },
  );
});
