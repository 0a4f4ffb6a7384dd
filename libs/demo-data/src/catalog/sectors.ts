import { Ownership, ParkKey, PolicyDirection, SizeClass } from '../types';

/**
 * Kinds of employer. An employer's industry class, name and the occupations it posts shortages for all
 * come from its sector, so that they agree (an elderly-care home hires 养老护理员 under class 8514).
 */
export interface Sector {
  key: string;
  /** Share of employers. */
  weight: number;
  /**
   * GB/T 4754-2017 class codes, each with the trade words a company name uses for it,
   * e.g. 8514 with 养老服务 as in 海南椰风养老服务有限公司.
   */
  industries: [string, string[]][];
  /** Level-4 occupation codes with relative weights. */
  hires: [string, number][];
  direction: PolicyDirection;
  ownership: [Ownership, number][];
  sizes: [SizeClass, number][];
  parks: ParkKey[];
}

const SME_SIZES: [SizeClass, number][] = [['micro', 45], ['small', 35], ['medium', 15], ['large', 5]];
const BIG_SIZES: [SizeClass, number][] = [['micro', 10], ['small', 30], ['medium', 40], ['large', 20]];

export const SECTORS: readonly Sector[] = [
  { key: 'elderly_care', weight: 8, industries: [['8514', ['养老服务', '颐养', '康养']], ['8512', ['护理服务', '护理院']]],
    hires: [['4-10-01-05', 10], ['4-14-01-02', 4], ['4-14-01-03', 2], ['4-14-02-05', 1], ['2-05-08-05', 1], ['4-03-02-06', 1], ['4-09-08-01', 1]],
    direction: 'livelihood', ownership: [['private', 60], ['public_institution', 20], ['social_organisation', 15], ['soe', 5]],
    sizes: SME_SIZES, parks: ['boao_lecheng'] },
  { key: 'housekeeping', weight: 8, industries: [['8010', ['家政服务', '家庭服务', '母婴护理']]],
    hires: [['4-10-01-06', 10], ['4-10-01-05', 3], ['4-10-01-03', 2], ['4-10-01-01', 1], ['4-09-08-01', 2]],
    direction: 'livelihood', ownership: [['private', 70], ['individual_business', 25], ['social_organisation', 5]],
    sizes: SME_SIZES, parks: [] },
  { key: 'childcare', weight: 4, industries: [['8020', ['托育服务', '婴幼儿照护']]],
    hires: [['4-10-01-03', 8], ['4-10-01-01', 3], ['2-08-03-00', 3], ['4-03-02-06', 1], ['4-09-08-01', 1]],
    direction: 'livelihood', ownership: [['private', 60], ['public_institution', 25], ['social_organisation', 15]],
    sizes: SME_SIZES, parks: [] },
  { key: 'hospital', weight: 2, industries: [['8411', ['医院', '康复医院', '口腔医院', '妇产医院']]],
    hires: [['2-05-08-01', 6], ['2-05-08-04', 4], ['2-05-08-03', 2], ['2-05-08-02', 2], ['2-05-08-06', 1], ['4-14-01-02', 4], ['4-09-08-01', 1]],
    direction: 'livelihood', ownership: [['private', 90], ['soe', 10]],
    sizes: BIG_SIZES, parks: ['boao_lecheng'] },
  { key: 'public_health', weight: 2, industries: [['8411', ['人民医院', '中医医院', '妇幼保健院']], ['8423', ['卫生院']], ['8421', ['社区卫生服务中心']]],
    hires: [['2-05-08-01', 6], ['2-05-08-04', 3], ['2-05-08-03', 2], ['2-05-08-05', 3], ['2-05-08-06', 1], ['4-14-01-02', 3]],
    direction: 'livelihood', ownership: [['public_institution', 100]],
    sizes: BIG_SIZES, parks: [] },
  { key: 'hotel', weight: 10, industries: [['6110', ['酒店管理', '度假酒店']], ['6129', ['旅业', '宾馆']], ['6130', ['民宿']]],
    hires: [['4-03-01-02', 10], ['4-03-01-01', 5], ['4-03-02-05', 6], ['4-03-02-01', 4], ['4-03-02-03', 1], ['4-03-02-09', 1],
      ['4-14-06-02', 3], ['4-14-05-03', 1], ['4-07-05-01', 2], ['4-09-08-01', 2], ['4-03-02-08', 1]],
    direction: 'consumption', ownership: [['private', 75], ['soe', 10], ['individual_business', 15]],
    sizes: SME_SIZES, parks: [] },
  { key: 'catering', weight: 10, industries: [['6210', ['餐饮管理', '海鲜酒楼']], ['6220', ['快餐', '餐饮']], ['6232', ['咖啡']]],
    hires: [['4-03-02-05', 10], ['4-03-02-01', 8], ['4-03-02-02', 4], ['4-03-02-08', 2], ['4-03-02-07', 1], ['4-01-02-04', 2], ['6-02-01-01', 1]],
    direction: 'consumption', ownership: [['private', 60], ['individual_business', 40]],
    sizes: [['micro', 60], ['small', 30], ['medium', 8], ['large', 2]], parks: [] },
  { key: 'tourism', weight: 5, industries: [['7291', ['旅行社', '国际旅行社']], ['7869', ['旅游发展', '景区管理', '文旅']]],
    hires: [['4-07-04-01', 8], ['4-07-04-02', 2], ['4-07-04-04', 2], ['4-13-01-03', 2], ['4-14-05-03', 1], ['4-02-02-01', 1]],
    direction: 'consumption', ownership: [['private', 75], ['soe', 25]],
    sizes: SME_SIZES, parks: [] },
  { key: 'retail', weight: 8, industries: [['5212', ['超市', '商贸']], ['5213', ['便利店']], ['5211', ['免税品经营', '百货']]],
    hires: [['4-01-02-03', 8], ['4-01-02-04', 5], ['4-02-06-02', 3], ['4-01-02-01', 2], ['4-01-06-02', 2], ['4-01-06-01', 1]],
    direction: 'consumption', ownership: [['private', 65], ['individual_business', 25], ['soe', 10]],
    sizes: SME_SIZES, parks: ['jiangdong'] },
  { key: 'construction', weight: 10, industries: [['4710', ['建筑工程', '建工']], ['4813', ['市政工程', '路桥工程']], ['5011', ['装饰工程']], ['4910', ['机电安装工程']]],
    hires: [['6-29-01-01', 6], ['6-29-01-04', 6], ['6-29-01-05', 4], ['6-29-01-03', 4], ['6-31-01-03', 5], ['6-18-02-04', 3],
      ['6-29-02-08', 2], ['6-29-04-01', 3], ['6-29-03-04', 2], ['6-30-05-02', 2], ['6-29-01-06', 2], ['4-08-03-04', 2]],
    direction: 'major_projects', ownership: [['private', 70], ['soe', 30]],
    sizes: BIG_SIZES, parks: ['jiangdong', 'yazhou_bay'] },
  { key: 'electronics', weight: 2, industries: [['3989', ['电子科技', '电子元件']]],
    hires: [['6-25-04-07', 6], ['6-31-03-05', 3], ['6-20-01-01', 2], ['6-31-01-03', 1], ['4-02-06-01', 1]],
    direction: 'advanced_manufacturing', ownership: [['private', 90], ['soe', 10]],
    sizes: BIG_SIZES, parks: ['jiangdong', 'yazhou_bay'] },
  { key: 'aerospace', weight: 1, industries: [['3743', ['航天技术', '卫星科技']]],
    hires: [['6-25-04-07', 3], ['6-20-01-01', 3], ['6-18-01-07', 2], ['6-31-03-05', 2], ['6-18-02-04', 1], ['4-04-05-01', 1]],
    direction: 'advanced_manufacturing', ownership: [['private', 50], ['soe', 50]],
    sizes: BIG_SIZES, parks: ['wenchang_space'] },
  { key: 'pharma', weight: 1.5, industries: [['2720', ['制药', '药业']]],
    hires: [['6-12-01-00', 5], ['6-31-03-05', 3], ['6-31-01-02', 1], ['4-02-06-01', 1]],
    direction: 'advanced_manufacturing', ownership: [['private', 85], ['soe', 15]],
    sizes: BIG_SIZES, parks: ['boao_lecheng', 'yangpu'] },
  { key: 'marine_engineering', weight: 1, industries: [['3731', ['船舶工程', '海洋工程装备']]],
    hires: [['6-18-02-04', 5], ['6-23-02-03', 3], ['6-31-01-03', 2], ['6-20-01-01', 2], ['6-30-05-02', 1]],
    direction: 'advanced_manufacturing', ownership: [['private', 40], ['soe', 60]],
    sizes: BIG_SIZES, parks: ['yangpu', 'yazhou_bay'] },
  { key: 'petrochemical', weight: 1, industries: [['2614', ['石化', '化工新材料']]],
    hires: [['6-11-01-03', 6], ['6-31-01-03', 3], ['6-31-01-02', 3], ['6-31-03-05', 2], ['6-18-02-04', 2], ['6-30-05-01', 1]],
    direction: 'advanced_manufacturing', ownership: [['private', 40], ['soe', 60]],
    sizes: BIG_SIZES, parks: ['yangpu'] },
  { key: 'food_processing', weight: 4, industries: [['1530', ['茶业']], ['1373', ['农产品加工', '椰子食品']], ['1361', ['水产', '海洋食品']], ['1529', ['饮料', '椰汁']]],
    hires: [['6-01-05-01', 5], ['5-05-06-03', 3], ['6-02-01-01', 2], ['6-02-06-09', 3], ['6-31-03-05', 2], ['4-02-05-01', 2]],
    direction: 'private_sme', ownership: [['private', 85], ['soe', 15]],
    sizes: SME_SIZES, parks: ['yangpu'] },
  { key: 'logistics', weight: 7, industries: [['6020', ['快递', '速运']], ['5910', ['装卸服务']], ['5920', ['仓储物流', '供应链管理']], ['5431', ['物流', '运输']], ['6242', ['同城配送']]],
    hires: [['4-02-07-08', 8], ['4-10-08-01', 6], ['4-02-05-01', 5], ['4-02-06-01', 3], ['4-02-06-02', 2], ['4-02-02-02', 3], ['6-30-05-01', 2]],
    direction: 'private_sme', ownership: [['private', 85], ['soe', 10], ['individual_business', 5]],
    sizes: SME_SIZES, parks: ['yangpu', 'jiangdong'] },
  { key: 'property', weight: 6, industries: [['7020', ['物业服务', '物业管理']], ['8211', ['清洁服务']]],
    hires: [['4-07-05-01', 6], ['4-09-08-01', 6], ['4-06-01-01', 2], ['4-09-10-01', 2], ['6-31-01-03', 2], ['6-29-03-03', 1], ['6-29-03-05', 1]],
    direction: 'livelihood', ownership: [['private', 80], ['soe', 20]],
    sizes: SME_SIZES, parks: [] },
  { key: 'agriculture', weight: 5, industries: [['0154', ['热带农业', '果业']], ['0411', ['水产养殖', '海洋牧场']], ['0169', ['农业开发']], ['0190', ['种养专业合作社', '农业科技']]],
    hires: [['5-01-02-04', 6], ['5-01-02-01', 4], ['5-05-02-01', 2], ['5-04-01-01', 2], ['5-05-01-02', 1], ['4-02-05-01', 1]],
    direction: 'private_sme', ownership: [['private', 70], ['individual_business', 20], ['soe', 10]],
    sizes: SME_SIZES, parks: ['yazhou_bay'] },
  { key: 'digital', weight: 4, industries: [['6513', ['网络科技', '软件']], ['6560', ['信息技术']], ['6450', ['数字科技', '数据服务']]],
    hires: [['4-04-05-01', 5], ['4-04-05-05', 4], ['4-04-05-03', 3], ['4-01-06-02', 2], ['4-07-02-05', 2], ['4-01-06-01', 2]],
    direction: 'advanced_manufacturing', ownership: [['private', 90], ['soe', 10]],
    sizes: SME_SIZES, parks: ['jiangdong', 'yazhou_bay', 'wenchang_space'] },
  { key: 'personal_services', weight: 5, industries: [['8111', ['汽车服务', '汽车维修']], ['8040', ['美容美发', '美发']], ['8053', ['养生馆', '推拿']]],
    hires: [['4-12-01-01', 5], ['4-10-03-01', 3], ['4-10-03-02', 3], ['4-10-04-02', 3], ['6-29-03-05', 2]],
    direction: 'consumption', ownership: [['individual_business', 60], ['private', 40]],
    sizes: [['micro', 75], ['small', 22], ['medium', 3], ['large', 0]], parks: [] },
  { key: 'community', weight: 3, industries: [['8529', ['社会工作服务中心', '社区服务中心']]],
    hires: [['3-01-04-01', 5], ['2-07-10-01', 4], ['3-01-04-03', 2], ['4-07-03-01', 1]],
    direction: 'grassroots', ownership: [['public_institution', 50], ['social_organisation', 50]],
    sizes: [['micro', 30], ['small', 60], ['medium', 10], ['large', 0]], parks: [] },
  { key: 'utilities', weight: 2, industries: [['4420', ['电力', '供电']], ['4416', ['新能源', '光伏发电']], ['5419', ['公共交通', '公交']]],
    hires: [['4-11-01-01', 3], ['6-28-01-10', 3], ['6-31-01-03', 3], ['4-02-02-01', 3]],
    direction: 'public_soe', ownership: [['soe', 90], ['private', 10]],
    sizes: BIG_SIZES, parks: ['yangpu'] },
];
