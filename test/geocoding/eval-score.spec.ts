import { countyMatches, scoreGeocoder } from '../../bench/geocoding.bench';
import { EvalAddress } from '../../bench/geocoding-eval-set';

function row(id: string, sourceKind: string, countyCode: string, townshipCode: string | null, uncertain = false): EvalAddress {
  return {
    id,
    address: `address ${id}`,
    countyCode,
    countyName: `county ${countyCode}`,
    townshipCode,
    townshipName: townshipCode ? `township ${townshipCode}` : null,
    uncertain,
    source: 'https://example.org/source',
    sourceKind,
    note: '',
  };
}

/** Answers from a fixed table keyed by the address text (no answer: null). */
function tableGeocoder(answers: Record<string, { regionCode: string; townshipCode: string | null; precision: string }>) {
  return { geocode: (address: string) => answers[address] ?? null };
}

describe('GEO scoring of the labelled address set', () => {
  it('counts a city-level label as found for the city or any of its districts, and nothing else', () => {
    expect(countyMatches('460100', '460106')).toBe(true);
    expect(countyMatches('460100', '460100')).toBe(true);
    expect(countyMatches('460100', '460203')).toBe(false);
    expect(countyMatches('460106', '460105')).toBe(false);
    expect(countyMatches('460400', undefined)).toBe(false);
  });

  it('scores county and township overall and per source kind, leaves uncertain rows out and lists the misses', async () => {
    const set = [
      row('a1', 'station', '460106', '460106100'),
      row('a2', 'station', '460106', null),
      row('b1', 'hospital', '469005', '469005100'),
      row('b2', 'hospital', '460100', null),
      row('u1', 'hospital', '469005', null, true),
    ];
    const geocoder = tableGeocoder({
      'address a1': { regionCode: '460106', townshipCode: '460106100', precision: 'township' },
      'address a2': { regionCode: '460105', townshipCode: null, precision: 'district' },
      'address b1': { regionCode: '469005', townshipCode: '469005101', precision: 'township' },
      'address b2': { regionCode: '460108', townshipCode: null, precision: 'district' },
    });
    const figures = await scoreGeocoder(geocoder, set);
    expect(figures).toMatchObject({ rows: 5, scored: 4, excludedUncertain: 1, countyCorrect: 3, countyAccuracy: 0.75 });
    expect(figures).toMatchObject({ townshipRows: 2, townshipCorrect: 1, townshipAccuracy: 0.5 });
    expect(figures.precision).toEqual({ township: 2, district: 2 });
    expect(figures.bySourceKind).toEqual({
      hospital: { scored: 2, countyCorrect: 2, countyAccuracy: 1, townshipRows: 1, townshipCorrect: 0, townshipAccuracy: 0 },
      station: { scored: 2, countyCorrect: 1, countyAccuracy: 0.5, townshipRows: 1, townshipCorrect: 1, townshipAccuracy: 1 },
    });
    expect(figures.misses.map((m) => `${m.kind} ${m.id} ${m.sourceKind}`)).toEqual(['county a2 station', 'township b1 hospital']);
  });
});
