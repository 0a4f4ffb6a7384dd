import { Taxonomy } from '@app/taxonomy';
import { describeLocation, LocationResolver } from './location-resolver';
import { createOfflineGeocoder } from './offline/offline-geocoder';

describe('LocationResolver', () => {
  const offline = createOfflineGeocoder();
  const resolver = new LocationResolver(offline, offline, Taxonomy.shared());

  it('keeps given coordinates as a point', async () => {
    expect(await resolver.resolve({ lat: 20.01, lng: 110.3, address: '陵水', regionCode: '469028' })).toMatchObject({
      lat: 20.01, lng: 110.3, locationPrecision: 'point', basis: 'given',
    });
  });

  it('geocodes the address within the record region', async () => {
    const r = await resolver.resolve({ address: '海口市秀英区长流镇长德大道', regionCode: '460105' });
    expect(r).toMatchObject({ basis: 'address', townshipCode: '460105100', locationPrecision: 'district', label: '海口市秀英区长流镇' });
    expect(describeLocation(r)).toBe('定位到：海口市秀英区长流镇（区县级）');
  });

  it('reads an address without its county inside the record region', async () => {
    expect(await resolver.resolve({ address: '长德大道 8 号', regionCode: '460105' })).toMatchObject({ basis: 'region', locationPrecision: 'district' });
    expect(await resolver.resolve({ address: '西秀镇 8 号', regionCode: '460105' })).toMatchObject({ basis: 'address', townshipCode: '460105101' });
  });

  it('refines a city-level region with a district address, and ignores an address in another county', async () => {
    expect(await resolver.resolve({ address: '龙华区金贸街道', regionCode: '460100' })).toMatchObject({ townshipCode: '460106003', locationPrecision: 'district' });
    expect(await resolver.resolve({ address: '陵水县英州镇', regionCode: '460105' })).toMatchObject({ basis: 'region', label: '海口市秀英区' });
  });

  it('uses a picked township, then the region; nothing without either', async () => {
    expect(await resolver.resolve({ townshipCode: '469028103', address: '不知道', regionCode: '469028' })).toMatchObject({ basis: 'township', townshipName: '英州镇' });
    expect(await resolver.resolve({ address: '', regionCode: '460100' })).toMatchObject({ basis: 'region', locationPrecision: 'city' });
    expect(await resolver.resolve({ address: '某某路' })).toMatchObject({ basis: 'none', lat: null, locationPrecision: null });
  });

  it('locateRecord: a write without coordinates is placed; an edit keeps a given point, follows a moved address, keeps an untouched place', async () => {
    const seat = Taxonomy.shared().region('469028')!.center!;
    const created = await resolver.locateRecord({ address: '陵水县英州镇', regionCode: '469028' });
    expect(created).toEqual({ lat: seat.lat, lng: seat.lng, locationPrecision: 'district' });
    const geocoded = { address: '陵水县英州镇', regionCode: '469028', ...created };
    expect(await resolver.locateRecord({ address: '海口市秀英区', regionCode: '460105' }, geocoded)).toMatchObject({ locationPrecision: 'district', lat: Taxonomy.shared().region('460105')!.center!.lat });
    expect(await resolver.locateRecord({ address: '陵水县英州镇', regionCode: '469028' }, geocoded)).toEqual(created);
    const pinned = { address: '陵水县英州镇', regionCode: '469028', lat: 18.4, lng: 110.0, locationPrecision: 'point' as const };
    expect(await resolver.locateRecord({ address: '陵水县英州镇 2 号', regionCode: '469028' }, pinned)).toEqual({ lat: 18.4, lng: 110.0, locationPrecision: 'point' });
    expect(await resolver.locateRecord({ address: '陵水县英州镇', regionCode: '469028', lat: 18.5, lng: 110.1 }, geocoded)).toEqual({ lat: 18.5, lng: 110.1, locationPrecision: 'point' });
    // Coordinates without a precision (a door that sets none, e.g. demo data) are kept as the point they are.
    const bare = { address: '某地', regionCode: '469028', lat: 18.45, lng: 110.05, locationPrecision: null };
    expect(await resolver.locateRecord({ address: '某地 2 号', regionCode: '469028' }, bare)).toEqual({ lat: 18.45, lng: 110.05, locationPrecision: 'point' });
    // No coordinates at all: placed.
    const none = { address: '某地', regionCode: '469028', lat: null, lng: null, locationPrecision: null };
    expect(await resolver.locateRecord({ address: '某地', regionCode: '469028' }, none)).toEqual({ lat: seat.lat, lng: seat.lng, locationPrecision: 'district' });
  });
});
