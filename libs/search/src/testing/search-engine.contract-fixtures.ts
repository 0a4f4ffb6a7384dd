import { SeekerSearchDocument, ShortageSearchDocument } from '../documents';
import { occupationCodeLevels, occupationFamilyOf, regionCodeLevels } from '../search-tags';

/** Small hand-made documents for the contract suite; expectations are computed from them by plain rules. */

export const HAIKOU = { lat: 20.0442, lng: 110.1999 };
export const SANYA = { lat: 18.2528, lng: 109.5119 };
export const DINGAN = { lat: 19.6811, lng: 110.3491 };

interface SeekerInput {
  id: string;
  name: string;
  occupations: [code: string, name: string][];
  regionCode: string;
  skills: [name: string, level: number][];
  certificates?: string[];
  skillLevel: number;
  wage: number | null;
  workTypes: string[];
  priorityGroups?: string[];
  at: { lat: number; lng: number } | null;
  updatedAt: string;
}

function seeker(input: SeekerInput): SeekerSearchDocument {
  return {
    id: input.id,
    name: input.name,
    ...occupationFields(input.occupations),
    ...regionFields(input.regionCode),
    skills: input.skills.map(([name, level]) => ({ name, level })),
    skillNames: input.skills.map(([name]) => name),
    certificateCodes: input.certificates ?? [],
    skillLevel: input.skillLevel,
    workTypes: input.workTypes,
    lat: input.at?.lat ?? null,
    lng: input.at?.lng ?? null,
    updatedAt: input.updatedAt,
    education: 'junior_high',
    languages: ['普通话'],
    wageExpectation: input.wage,
    travelRadiusKm: 20,
    availableFrom: '2025-07-01',
    priorityGroups: input.priorityGroups ?? [],
  };
}

function occupationFields(occupations: [string, string][]) {
  const codes = occupations.map(([code]) => code);
  return {
    occupationCodes: codes,
    occupationNames: occupations.map(([, name]) => name),
    occupationTags: [...new Set(codes.flatMap(occupationCodeLevels))],
    occupationFamilies: [...new Set(codes.map(occupationFamilyOf))],
  };
}

const regionFields = (regionCode: string) => ({ regionCode, regionTags: regionCodeLevels(regionCode) });
const near = (p: { lat: number; lng: number }, dLat: number, dLng: number) => ({ lat: p.lat + dLat, lng: p.lng + dLng });

export const SEEKERS: SeekerSearchDocument[] = [
  seeker({
    id: 'seeker-01', name: '张秀英', occupations: [['4-10-01-05', '养老护理员']], regionCode: '460106',
    skills: [['生活照料', 3], ['基础护理', 3]], certificates: ['SKL-4-10-01-05'], skillLevel: 3, wage: 4500,
    workTypes: ['full_time'], at: near(HAIKOU, 0.01, 0.01), updatedAt: '2025-06-01T08:00:00.000Z',
  }),
  seeker({
    id: 'seeker-02', name: '李明', occupations: [['4-10-01-06', '家政服务员']], regionCode: '460100',
    skills: [['家居保洁', 2], ['母婴护理', 2]], skillLevel: 2, wage: 5200,
    workTypes: ['part_time', 'gig'], priorityGroups: ['migrant_worker'], at: near(HAIKOU, -0.05, 0.08), updatedAt: '2025-06-02T08:00:00.000Z',
  }),
  seeker({
    id: 'seeker-03', name: '王芳', occupations: [['4-14-01-02', '医疗护理员']], regionCode: '460202',
    skills: [['病患生活照护', 3], ['消毒隔离', 2]], skillLevel: 3, wage: 4600,
    workTypes: ['full_time'], priorityGroups: ['veteran'], at: near(SANYA, 0.02, 0.05), updatedAt: '2025-06-03T08:00:00.000Z',
  }),
  seeker({
    id: 'seeker-04', name: '陈强', occupations: [['6-31-01-03', '电工']], regionCode: '469021',
    skills: [['低压配电', 4], ['电气故障排查', 4]], certificates: ['SPO-1.2', 'SKL-6-31-01-03'], skillLevel: 4, wage: 7000,
    workTypes: ['full_time'], at: DINGAN, updatedAt: '2025-06-04T08:00:00.000Z',
  }),
  seeker({
    id: 'seeker-05', name: '黄伟', occupations: [['4-03-02-01', '中式烹调师']], regionCode: '460105',
    skills: [['热菜烹调', 2], ['海南菜', 3]], skillLevel: 2, wage: 5800,
    workTypes: ['full_time'], at: near(HAIKOU, 0.03, -0.12), updatedAt: '2025-06-05T08:00:00.000Z',
  }),
  seeker({
    id: 'seeker-06', name: '刘丽', occupations: [['4-03-01-02', '客房服务员'], ['4-03-01-01', '前厅服务员']], regionCode: '460203',
    skills: [['客房清扫', 2], ['投诉处理', 2]], skillLevel: 1, wage: 3800,
    workTypes: ['full_time', 'seasonal'], priorityGroups: ['college_graduate'], at: near(SANYA, -0.01, 0.01), updatedAt: '2025-06-06T08:00:00.000Z',
  }),
  seeker({
    id: 'seeker-07', name: '周婷', occupations: [['4-10-01-03', '保育师']], regionCode: '460107',
    skills: [['婴幼儿生活照料', 3], ['卫生消毒', 2]], skillLevel: 3, wage: 4200,
    workTypes: ['full_time', 'part_time'], at: null, updatedAt: '2025-06-07T08:00:00.000Z',
  }),
];

interface ShortageInput {
  id: string;
  title: string;
  occupation: [code: string, name: string];
  employerName: string;
  description: string;
  regionCode: string;
  skills: [name: string, level: number][];
  wage: [min: number, max: number];
  at: { lat: number; lng: number };
  updatedAt: string;
}

function shortage(input: ShortageInput): ShortageSearchDocument {
  return {
    id: input.id,
    title: input.title,
    ...occupationFields([input.occupation]),
    ...regionFields(input.regionCode),
    skills: input.skills.map(([name, level]) => ({ name, level })),
    skillNames: input.skills.map(([name]) => name),
    certificateCodes: [],
    skillLevel: Math.max(...input.skills.map(([, level]) => level)),
    workTypes: ['full_time'],
    lat: input.at.lat,
    lng: input.at.lng,
    updatedAt: input.updatedAt,
    employerName: input.employerName,
    description: input.description,
    trainingOffered: null,
    wageMin: input.wage[0],
    wageMax: input.wage[1],
    openings: 3,
    deadline: '2025-09-30',
    urgency: 'normal',
  };
}

export const SHORTAGES: ShortageSearchDocument[] = [
  shortage({
    id: 'shortage-01', title: '招聘养老护理员', occupation: ['4-10-01-05', '养老护理员'], employerName: '海口颐康养老服务有限公司',
    description: '负责老人生活照料、基础护理等工作，及时跟进待处理事项并做好交接记录。', regionCode: '460106',
    skills: [['生活照料', 2], ['基础护理', 2]], wage: [4000, 5500], at: HAIKOU, updatedAt: '2025-06-10T08:00:00.000Z',
  }),
  shortage({
    id: 'shortage-02', title: '酒店中餐厨房招聘', occupation: ['4-03-02-01', '中式烹调师'], employerName: '三亚湾海景酒店有限公司',
    description: '负责热菜烹调和海鲜烹饪，按标准流程出品，注重食品安全。', regionCode: '460202',
    skills: [['热菜烹调', 3], ['海鲜烹饪', 3]], wage: [6000, 8000], at: SANYA, updatedAt: '2025-06-11T08:00:00.000Z',
  }),
  shortage({
    id: 'shortage-03', title: '园区配电维护电工', occupation: ['6-31-01-03', '电工'], employerName: '定安塔岭工业园运营有限公司',
    description: '负责配电设施巡检，协助处理电气故障，做好值班记录。', regionCode: '469021',
    skills: [['低压配电', 3], ['电气故障排查', 3]], wage: [5500, 7500], at: DINGAN, updatedAt: '2025-06-12T08:00:00.000Z',
  }),
  shortage({
    id: 'shortage-04', title: '住家家政服务员', occupation: ['4-10-01-06', '家政服务员'], employerName: '海口安心家政服务有限公司',
    description: '负责家居保洁、家庭烹饪和老人陪护，住家，月休4天。', regionCode: '460108',
    skills: [['家居保洁', 2], ['家庭烹饪', 2]], wage: [5000, 6500], at: near(HAIKOU, 0, 0.15), updatedAt: '2025-06-13T08:00:00.000Z',
  }),
];
