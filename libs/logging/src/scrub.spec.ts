import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { scrubPersonalData, scrubUrl } from './scrub';

describe('log scrubbing', () => {
  const id = makeResidentId('460100', '1988-06-15', 27);

  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
  ])('masks %p', (value, masked) => {
    expect(scrubPersonalData(`call ${value} now`)).toBe(`call ${masked} now`);
  });

  it('masks ID numbers, even with a wrong check character', () => {
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(scrubPersonalData(`身份证 ${id} / ${wrong}`)).toBe(`身份证 460***********${id.slice(-4)} / 460***********${wrong.slice(-4)}`);
  });

  it.each([
    ['/api/seekers?phone=138-1234-5678'],
    ['/api/seekers?phone=138%201234%205678'],
    ['/api/seekers?phone=138+1234+5678'],
    ['/api/seekers?phone=%2B8613812345678'],
    ['/api/seekers?phone=+8613812345678'],
    ['/api/seekers?phone=8613812345678'],
    [`/api/seekers?q=${encodeURIComponent('１３８１２３４５６７８')}`],
    [`/api/seekers/${id}/x`],
  ])('leaves no identifier in the URL %p', (url) => {
    const scrubbed = scrubUrl(url);
    expect(findPersonalIdentifiers(scrubbed)).toEqual([]);
    expect(scrubbed).toMatch(/138\*{4}5678|460\*{11}/);
  });

  it('leaves numbers that are not identifiers as they are', () => {
    const line = 'score 0.17246848657 at 46363.15811202546 request 9f1c2a3b-e155-4129-8191-0b1d2c3e4f5a /api/x?page=2';
    expect(scrubPersonalData(line)).toBe(line);
    expect(scrubUrl('/api/shortages?lat=20.13812345678&page=1')).toBe('/api/shortages?lat=20.13812345678&page=1');
  });
});
