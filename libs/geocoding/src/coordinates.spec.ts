import fc from 'fast-check';
import { gcj02ToWgs84, wgs84ToGcj02 } from './coordinates';

describe('GCJ-02 ↔ WGS-84', () => {
  it('matches the published offsets in Hainan (DataV seat of 海口 → the WGS-84 value in the reference data)', () => {
    const wgs = gcj02ToWgs84({ lng: 110.33119, lat: 20.031971 });
    expect(wgs.lng).toBeCloseTo(110.326829, 5);
    expect(wgs.lat).toBeCloseTo(20.034028, 5);
  });

  it('round-trips within a few centimetres anywhere in Hainan', () => {
    fc.assert(
      fc.property(fc.double({ min: 108.5, max: 111.2, noNaN: true }), fc.double({ min: 18.1, max: 20.2, noNaN: true }), (lng, lat) => {
        const back = gcj02ToWgs84(wgs84ToGcj02({ lng, lat }));
        expect(Math.abs(back.lng - lng)).toBeLessThan(1e-6);
        expect(Math.abs(back.lat - lat)).toBeLessThan(1e-6);
      }),
    );
  });

  it('leaves points outside China unchanged', () => {
    expect(gcj02ToWgs84({ lng: 2.35, lat: 48.85 })).toEqual({ lng: 2.35, lat: 48.85 });
  });
});
