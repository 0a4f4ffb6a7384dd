import { BRAND_FIRST, BRAND_SECOND, CITY_SHORT_NAMES } from './catalog/names';
import { surname } from './person-names';
import { Place } from './places';
import { Rng } from './prng';
import { Ownership, SizeClass } from './types';

/** Trade words that already end a name (an institution or a shop), so no 有限公司 follows them. */
const SELF_ENDING = /(医院|保健院|卫生院|中心|合作社|超市|便利店)$/;

/** Words a public institution's name ends with, by industry class; `township: true` names it after the township. */
const PUBLIC_INSTITUTIONS: Record<string, { word: string; township?: boolean }[]> = {
  '8514': [{ word: '社会福利中心' }, { word: '敬老院', township: true }],
  '8512': [{ word: '护理院' }],
  '8020': [{ word: '公办托育中心' }],
  '8423': [{ word: '卫生院', township: true }],
  '8421': [{ word: '社区卫生服务中心', township: true }],
  '8529': [{ word: '社会工作服务站' }],
};

/** What an individual business (个体工商户) in the industry calls itself. Industries not listed have none. */
export const SHOP_WORDS: Record<string, string[]> = {
  '0154': ['种植场', '家庭农场'], '0411': ['水产养殖场'], '0169': ['家庭农场'], '0190': ['家庭农场'],
  '6210': ['海鲜大排档', '餐馆'], '6220': ['粉店', '小吃店'], '6232': ['咖啡店'],
  '5212': ['商行'], '5213': ['便利店'], '5211': ['商行'],
  '8111': ['汽车维修店'], '8040': ['美发店'], '8053': ['推拿馆'], '8010': ['家政服务部'],
  '6129': ['旅馆'], '6130': ['民宿'], '6020': ['快递驿站'], '5431': ['货运部'], '6242': ['配送站'],
};

export interface NameFacts {
  industryCode: string;
  tradeWord: string;
  ownership: Ownership;
  sizeClass: SizeClass;
  place: Place;
  township: string;
}

/**
 * A believable Chinese organisation name, e.g. 海南椰风养老服务有限公司, 琼海市嘉积镇卫生院,
 * 文昌文城镇陈记粉店, 海口市美兰区椰安社会工作服务中心.
 */
export function employerName(rng: Rng, f: NameFacts): string {
  const brand = rng.pick(BRAND_FIRST) + rng.pick(BRAND_SECOND);
  const city = CITY_SHORT_NAMES[f.place.countyCode] ?? '海南';
  const township = f.township === f.place.fullName ? '' : f.township;
  const company = SELF_ENDING.test(f.tradeWord) ? '' : '有限公司';
  switch (f.ownership) {
    case 'public_institution': {
      const options = PUBLIC_INSTITUTIONS[f.industryCode];
      if (!options) return `${f.place.fullName}${f.tradeWord}`;
      const { word, township: byTownship } = rng.pick(options);
      return `${f.place.fullName}${byTownship ? township : ''}${word}`;
    }
    case 'social_organisation':
      return `${f.place.fullName}${brand}${f.tradeWord}${/中心$/.test(f.tradeWord) ? '' : '服务中心'}`;
    case 'individual_business':
      return `${city}${township}${surname(rng)}记${rng.pick(SHOP_WORDS[f.industryCode] ?? ['商行'])}`;
    case 'soe': {
      const group = company && (f.sizeClass === 'large' || f.sizeClass === 'medium') && rng.chance(0.5);
      return `海南${rng.chance(0.4) ? '省' : ''}${brand}${f.tradeWord}${group ? '集团有限公司' : company}`;
    }
    default:
      return `${rng.chance(0.6) ? '海南' : city}${brand}${f.tradeWord}${company && rng.chance(0.2) ? '有限责任公司' : company}`;
  }
}
