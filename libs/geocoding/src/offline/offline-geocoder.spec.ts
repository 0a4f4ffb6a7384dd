import fc from 'fast-check';
import { Taxonomy } from '@app/taxonomy';
import { createOfflineGeocoder } from './offline-geocoder';

const geocoder = createOfflineGeocoder();
const taxonomy = Taxonomy.shared();

function place(address: string) {
  const r = geocoder.geocode(address);
  return r && { region: r.regionCode, township: r.townshipCode, precision: r.precision };
}

describe('offline Hainan geocoder', () => {
  it.each([
    ['海南省海口市秀英区长流镇长流墟', '460105', '460105100'],
    ['秀英区长流镇', '460105', '460105100'],
    ['海口市龙华区金贸街道玉沙路', '460106', '460106003'],
    ['海南省澄迈县金江镇文化北路101号', '469023', '469023100'],
    ['海南省儋州市那大镇中兴大街299号', '460400', '460400100'],
    ['琼海市嘉积镇金海路88号', '469002', '469002100'],
    ['陵水黎族自治县英州镇清水湾', '469028', '469028103'],
    ['保亭县保城镇', '469029', '469029100'],
    ['琼中营根镇', '469030', '469030100'],
    ['白沙牙叉', '469025', '469025100'],
    ['东方市八所镇解放路33号', '469007', '469007100'],
    ['海口市琼山区府城街道办事处', '460107', '460107002'],
    ['海口市美兰区海口桂林洋经济开发区', '460108', '460108400'],
    ['澄迈县国营金安农场', '469023', '469023405'],
    ['万宁市兴隆华侨农场', '469006', '469006500'],
  ])('%s → county %s, township %s', (address, region, township) => {
    expect(place(address)).toMatchObject({ region, township });
  });

  it('parks and landmarks resolve to their county and, where they lie in one, their township', () => {
    expect(place('洋浦经济开发区新英湾区')).toMatchObject({ region: '460400', township: '460400499' });
    expect(geocoder.geocode('洋浦经济开发区')!.platformRegionCode).toBe('460400499');
    expect(place('海口江东新区')).toMatchObject({ region: '460108', township: null });
    expect(place('三亚市崖州湾科技城')).toMatchObject({ region: '460205' });
    expect(place('博鳌乐城国际医疗旅游先行区')).toMatchObject({ region: '469002', township: '469002104' });
    expect(place('文昌国际航天城')).toMatchObject({ region: '469005', township: '469005109' });
  });

  it('handles county names without 县, long autonomous-county forms, old names, full-width and traditional characters', () => {
    expect(place('陵水')).toEqual({ region: '469028', township: null, precision: 'district' });
    expect(place('陵水黎族自治县')).toMatchObject({ region: '469028' });
    expect(place('琼中黎族苗族自治县')).toMatchObject({ region: '469030' });
    expect(place('琼山市龙塘镇')).toMatchObject({ region: '460107', township: '460107101' });
    expect(place('通什市')).toMatchObject({ region: '469001' });
    expect(place('三亚市梅山镇梅联村')).toMatchObject({ region: '460205' });
    expect(place('海口市龍華區金貿街道')).toMatchObject({ region: '460106', township: '460106003' });
    expect(place('海口市　秀英区（长流镇）１２号')).toMatchObject({ region: '460105', township: '460105100' });
  });

  // The rules below are stated in general form; the addresses are made up for the test, none is a row of the
  // labelled evaluation set (libs/geocoding/data/eval).
  it('reads 三亚\'s pre-2014 districts 河东/河西 only as a leading area prefix followed by a separator', () => {
    expect(place(' 河东-大东海-榆亚路88号')).toMatchObject({ region: '460203' });
    expect(place('河西-港门村-新风街12号')).toMatchObject({ region: '460204' });
    expect(place('三亚 河东/月川-新村路')).toMatchObject({ region: '460203' });
    expect(place('三亚市河西 · 三亚湾路')).toMatchObject({ region: '460204' });
    expect(place('河东 临春路')).toMatchObject({ region: '460203' });
    // Inside a text, or glued to what follows, 河东/河西 are road and village names: no 三亚 district from them.
    expect(place('海口市美兰区河东路')).toMatchObject({ region: '460108' });
    expect(place('河东路18号')).toBeNull();
    expect(place('河西村委会')).toBeNull();
    expect(place('文昌市文城镇河东村-12号')).toMatchObject({ region: '469005' });
    // The old full names keep working anywhere in the text.
    expect(place('三亚市河东区新风街')).toMatchObject({ region: '460203' });
  });

  it('maps 三亚\'s abolished towns to today\'s districts (梅山镇 → 崖州区)', () => {
    expect(place('梅山镇老城村委会')).toMatchObject({ region: '460205' });
    expect(place('三亚梅山镇市场')).toMatchObject({ region: '460205' });
  });

  it('lets a county-level unit named in full win over a city named before it that does not contain it', () => {
    expect(place('海口临高县临城镇解放路')).toMatchObject({ region: '469024', township: '469024100' });
    expect(place('三亚陵水黎族自治县椰林镇')).toMatchObject({ region: '469028' });
    expect(place('海口市琼中县营根镇')).toMatchObject({ region: '469030' });
    // A short name must still agree with the city: 海口 + 文昌路 is a road in 海口, not 文昌市.
    expect(place('海口市文昌路5号')).toMatchObject({ region: '460100' });
    expect(place('海口市龙华区海垦路')).toMatchObject({ region: '460106' });
  });

  it('answers the city alone with city precision, and nothing outside Hainan', () => {
    expect(place('海口市')).toEqual({ region: '460100', township: null, precision: 'city' });
    expect(place('海南省')).toBeNull();
    expect(place('北京市朝阳区建国路')).toBeNull();
    expect(place('')).toBeNull();
  });

  it('does not read a road named after a township as the township', () => {
    expect(place('海口市美兰区海府路')).toMatchObject({ region: '460108', township: null });
    expect(place('海口市龙华区滨海大道')).toMatchObject({ region: '460106', township: null });
  });

  it('prefers the county the address names over a township of another county', () => {
    // 龙塘 is a township of 琼山区; the address says 龙华区.
    expect(place('海口市龙华区龙塘路')).toMatchObject({ region: '460106', township: null });
  });

  it('returns WGS-84 coordinates inside Hainan, the matched text and a readable label', () => {
    const r = geocoder.geocode('海南省海口市秀英区长流镇长德大道')!;
    expect(r.lat).toBeGreaterThan(18);
    expect(r.lat).toBeLessThan(20.2);
    expect(r.lng).toBeGreaterThan(108.5);
    expect(r.lng).toBeLessThan(111.2);
    expect(r.matched).toBe('海口市秀英区长流镇');
    expect(r.label).toBe('海口市秀英区长流镇');
    expect(r.townshipName).toBe('长流镇');
    expect(r.source).toBe('offline');
    // No township has a sourced point yet: the county's seat, stated as district precision.
    expect(r.precision).toBe('district');
    expect({ lat: r.lat, lng: r.lng }).toEqual(taxonomy.region('460105')!.center);
  });

  it('locates a picked township and a region', () => {
    expect(geocoder.locateTownship('460105100')).toMatchObject({ regionCode: '460105', label: '海口市秀英区长流镇', precision: 'district' });
    expect(geocoder.locateRegion('460100')).toMatchObject({ precision: 'city' });
    expect(geocoder.locateRegion('469028')).toMatchObject({ precision: 'district', label: '陵水黎族自治县' });
    expect(geocoder.locateRegion('460400499')).toMatchObject({ townshipCode: '460400499', platformRegionCode: '460400499' });
    expect(geocoder.locateTownship('999999999')).toBeNull();
  });

  describe('properties', () => {
    const townships = taxonomy.townships().filter((t) => !t.name.endsWith('直辖村级区划') && !t.countyCode.startsWith('4603'));
    const countyName = (code: string) => taxonomy.region(code)!.name;
    const cityPrefix = (code: string) => {
      const parent = taxonomy.region(taxonomy.region(code)!.parentCode ?? '');
      return parent && parent.kind === 'city' ? parent.name : '';
    };
    const noise = fc.constantFrom('', '海南省', '中国海南省', '海南');
    const tail = fc.constantFrom('', '123号', '幸福路8号', '人民政府', '中心小学旁', '（村委会）');

    it('every NBS township, written with its county (and city and province optional), is found with its county', () => {
      fc.assert(
        fc.property(fc.constantFrom(...townships), noise, fc.boolean(), tail, (t, prefix, withCity, suffix) => {
          const county = t.code === '460400499' ? '460400' : t.countyCode;
          const address = `${prefix}${withCity ? cityPrefix(county) : ''}${countyName(county)}${t.name}${suffix}`;
          const r = geocoder.geocode(address);
          expect(r).not.toBeNull();
          expect(r!.regionCode).toBe(county);
          expect(r!.townshipCode).toBe(t.code);
        }),
        { numRuns: 400 },
      );
    });

    it('every township alone (full name) is found, with its county', () => {
      for (const t of townships) {
        const r = geocoder.geocode(t.name);
        expect(r?.townshipCode ?? `${t.name} not found`).toBe(t.code);
      }
    });

    it('never throws and answers only Hainan points with a known precision, whatever the text', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('', '海口', '三亚', '陵水', '长流镇'), (text, hint) => {
          const r = geocoder.geocode(hint + text);
          if (!r) return;
          expect(['point', 'township', 'district', 'city']).toContain(r.precision);
          expect(r.regionCode).toMatch(/^46\d{4}$/);
          expect(r.lat).toBeGreaterThan(3);
          expect(r.lat).toBeLessThan(21);
        }),
        { numRuns: 500 },
      );
    });

    it('is insensitive to spaces, full-width forms and traditional characters', () => {
      fc.assert(
        fc.property(fc.constantFrom(...townships), (t) => {
          const county = t.code === '460400499' ? '460400' : t.countyCode;
          const plain = `${countyName(county)}${t.name}`;
          const spaced = plain.split('').join(' ').normalize('NFKC');
          const wide = `${plain}１２号`;
          const base = geocoder.geocode(plain);
          expect(geocoder.geocode(spaced)?.townshipCode).toBe(base?.townshipCode);
          expect(geocoder.geocode(wide)?.townshipCode).toBe(base?.townshipCode);
        }),
        { numRuns: 100 },
      );
    });
  });
});
