import { BUILDINGS, CITY_SHORT_NAMES, ROADS } from './catalog/names';
import { GeneratorContext } from './context';
import { distanceKm, jitter } from './geo';
import { KEY_PARKS, parkInfo, Place } from './places';
import { Rng } from './prng';
import { ParkKey, Station, StationType } from './types';

/** One planned station: what and where, before the seed fills in details. */
interface StationPlan {
  type: StationType;
  place: Place;
  park: ParkKey | null;
  /** Put it in the seat township (the first listed) rather than a random one. */
  atSeat: boolean;
}

const EXTRA_STATIONS: [string, number][] = [
  ['460100', 2], ['460200', 2], ['460400', 1], ['469005', 1], ['469002', 1], ['469006', 1], ['469023', 1],
];
const HR_MARKETS = ['460100', '460200', '460400'];
const GIG_MARKETS = ['460100', '460200', '460400', '469002'];

const OPENING_HOURS: Record<StationType, string> = {
  employment_station: '周一至周五 08:00-12:00，14:30-17:30',
  gig_market: '每日 06:30-11:30',
  hr_market: '周一至周六 08:30-12:00，14:30-17:30',
};

/**
 * The priority order of stations: a 就业驿站 at every county seat (largest first), the key parks, the
 * 人力资源市场 and 零工市场 of the big cities, second and third 就业驿站 where many people live, 三沙, and
 * then township stations spread by population (D'Hondt) for the larger tiers. A tier takes the first N.
 */
function planStations(ctx: GeneratorContext, count: number): StationPlan[] {
  const { places } = ctx.catalog;
  const countyCodes = [...new Set(places.all.map((p) => p.countyCode))];
  const countyPopulation = (code: string) => places.inCounty(code).reduce((sum, p) => sum + p.population, 0);
  countyCodes.sort((a, b) => countyPopulation(b) - countyPopulation(a));
  const seatPlace = (countyCode: string) => {
    const inCounty = places.inCounty(countyCode);
    const center = ctx.catalog.taxonomy.requireRegion(countyCode).center ?? inCounty[0].center;
    return inCounty.reduce((best, p) => (distanceKm(p.center, center) < distanceKm(best.center, center) ? p : best));
  };

  const plans: StationPlan[] = countyCodes.map((code) => ({
    type: 'employment_station',
    place: seatPlace(code),
    park: code === parkInfo('yangpu').regionCode ? 'yangpu' : null,
    atSeat: true,
  }));
  for (const park of KEY_PARKS.filter((p) => p.key !== 'yangpu')) {
    plans.push({ type: 'employment_station', place: places.place(park.placeCode), park: park.key, atSeat: false });
  }
  for (const code of HR_MARKETS) plans.push({ type: 'hr_market', place: seatPlace(code), park: null, atSeat: true });
  for (const code of GIG_MARKETS) plans.push({ type: 'gig_market', place: places.inCounty(code)[0], park: null, atSeat: false });
  for (const [code, extra] of EXTRA_STATIONS) {
    const seat = seatPlace(code);
    const others = places.inCounty(code).filter((p) => p !== seat);
    for (let k = 0; k < extra; k++) {
      plans.push({ type: 'employment_station', place: others.length ? others[k % others.length] : seat, park: null, atSeat: false });
    }
  }
  plans.push({ type: 'employment_station', place: places.sansha, park: null, atSeat: true });

  const perPlace = new Map<Place, number>();
  for (const plan of plans) perPlace.set(plan.place, (perPlace.get(plan.place) ?? 0) + 1);
  while (plans.length < count) {
    const open = places.all.filter((p) => (perPlace.get(p) ?? 0) < p.townships.length);
    if (open.length === 0) break;
    const next = open.reduce((best, p) =>
      p.population / ((perPlace.get(p) ?? 0) + 1) > best.population / ((perPlace.get(best) ?? 0) + 1) ? p : best,
    );
    perPlace.set(next, (perPlace.get(next) ?? 0) + 1);
    plans.push({ type: 'employment_station', place: next, park: null, atSeat: false });
  }
  return plans.slice(0, count);
}

function stationName(plan: StationPlan, township: string): string {
  const { place, park, type } = plan;
  if (park === 'yangpu') return '洋浦经济开发区就业驿站';
  if (park) {
    const city = CITY_SHORT_NAMES[place.countyCode];
    const name = parkInfo(park).name;
    return `${name.startsWith(city) ? '' : city}${name}就业驿站`;
  }
  if (type === 'hr_market') return `${countyName(place)}人力资源市场`;
  if (type === 'gig_market') return `${place.fullName}零工市场`;
  return `${place.fullName}${township === place.fullName ? '' : township}就业驿站`;
}

/** 海口市龙华区 → 海口市. */
function countyName(place: Place): string {
  const match = /^(.+?[市县])/.exec(place.fullName);
  return match ? match[1] : place.fullName;
}

/** All stations of the tier, in priority order. Small, so built in one pass (townships are not reused). */
export function generateStations(ctx: GeneratorContext): Station[] {
  const usedTownships = new Set<string>();
  return planStations(ctx, ctx.sizes.stations).map((plan, index) => {
    const rng = Rng.for(ctx.seed, 'station', index);
    const { place } = plan;
    const free = place.townships.filter((t) => !usedTownships.has(`${place.code}/${t}`));
    const township = plan.atSeat || free.length === 0 ? place.townships[0] : rng.pick(free);
    usedTownships.add(`${place.code}/${township}`);

    const park = plan.park ? parkInfo(plan.park) : null;
    const center = park ? park.center : place.center;
    const { lat, lng } = jitter(rng, center, park ? 1.5 : place === ctx.catalog.places.sansha ? 0.5 : 4);
    const size = {
      employment_station: { capacity: rng.int(3, 12) * 10, booths: rng.int(4, 12) },
      gig_market: { capacity: rng.int(10, 40) * 10, booths: rng.int(10, 30) },
      hr_market: { capacity: rng.int(30, 100) * 10, booths: rng.int(30, 120) },
    }[plan.type];
    const area = park && park.name !== place.fullName ? park.name : township === place.fullName ? '' : township;
    return {
      key: `station-${String(index + 1).padStart(4, '0')}`,
      name: stationName(plan, township),
      type: plan.type,
      regionCode: place.countyCode,
      park: plan.park,
      address: `海南省${place.fullName}${area}${rng.pick(ROADS)}${rng.int(1, 300)}号${rng.pick(BUILDINGS)}`,
      lat,
      lng,
      capacity: size.capacity,
      booths: size.booths,
      openingHours: OPENING_HOURS[plan.type],
    };
  });
}
