import { withAdminClient } from '@app/testing';
import { distanceKm, distanceKmSql } from './distance';

describe('distanceKmSql', () => {
  it('computes in PostgreSQL the same distance as distanceKm', async () => {
    const pairs = [
      [20.044, 110.199, 18.253, 109.512],
      [19.5, 110.0, 19.5, 110.0],
      [20.02, 110.33, 20.035, 110.345],
      [0, 0, 0, 180],
    ];
    const rows = await withAdminClient(async (client) => {
      const out: number[] = [];
      for (const p of pairs) {
        const { rows } = await client.query(`SELECT ${distanceKmSql('$1::float8', '$2::float8', '$3::float8', '$4::float8')} AS km`, p);
        out.push(Number(rows[0].km));
      }
      return out;
    });
    pairs.forEach(([aLat, aLng, bLat, bLng], i) => expect(rows[i]).toBeCloseTo(distanceKm({ lat: aLat, lng: aLng }, { lat: bLat, lng: bLng }), 6));
  });
});
