import { Education, PayBasis, PolicyDirection, WorkType } from '../types';

/**
 * Hand-written facts about the occupations the plan names (elderly care, housekeeping, tourism and
 * hospitality, construction, manufacturing, nursing, childcare, delivery …). Codes and names are from the
 * 2022 classification; a test checks each against the taxonomy. Wages are monthly medians in yuan for
 * Hainan in 2025, estimated from public postings: synthetic data, not statistics.
 */
export interface OccupationProfile {
  code: string;
  name: string;
  /** Relative share among seekers and shortages. */
  weight: number;
  wageMedian: number;
  /** What postings usually ask for. */
  education: Education;
  direction: PolicyDirection;
  /** Believable skill words; seekers and shortages draw from the same list so that they can match. */
  skills: string[];
  /** Taxonomy certificate codes that fit besides 'SKL-<code>' (special-operation permits). */
  permits?: string[];
  workTypes?: WorkType[];
  payBasis?: PayBasis;
  shifts?: string[];
}

const DAY_SHIFTS = ['朝九晚六，周末双休', '每天8小时，做六休一', '早8点至晚5点半，中午休息2小时'];
const ROTATING = ['三班倒，每班8小时', '两班倒，每月休4天', '早班07:00-15:00，中班15:00-23:00，轮换'];
const HOSPITALITY = ['早班07:00-15:30，晚班14:30-23:00', '月休6天，排班制', '旺季（11月至次年4月）排班，月休4天'];
const SITE = ['按施工进度安排，每天8小时', '每天工作8小时，加班另计', '白班为主，雨季视天气调整'];
const CARE = ['24小时轮班，做二休一', '白班08:00-20:00，夜班20:00-08:00轮换', '住家，月休4天'];

export const OCCUPATION_PROFILES: readonly OccupationProfile[] = [
  // livelihood: elderly care, housekeeping, childcare, nursing
  { code: '4-10-01-05', name: '养老护理员', weight: 60, wageMedian: 4500, education: 'junior_high', direction: 'livelihood',
    skills: ['生活照料', '基础护理', '康复辅助', '失智照护', '心理支持', '安宁疗护', '压疮预防', '助浴助洁', '老年膳食', '应急救护'], shifts: CARE },
  { code: '4-10-01-06', name: '家政服务员', weight: 50, wageMedian: 5200, education: 'junior_high', direction: 'livelihood',
    skills: ['家居保洁', '衣物洗涤熨烫', '家庭烹饪', '母婴护理', '收纳整理', '老人陪护', '家电清洗', '育婴照护'],
    workTypes: ['full_time', 'part_time', 'gig'], shifts: ['住家，月休4天', '白班不住家，每天8小时', '钟点工，按小时结算'] },
  { code: '4-10-01-03', name: '保育师', weight: 22, wageMedian: 4200, education: 'senior_high', direction: 'livelihood',
    skills: ['婴幼儿生活照料', '卫生消毒', '安全防护', '早期教育', '膳食营养', '保育记录', '儿童急救'], shifts: DAY_SHIFTS },
  { code: '4-10-01-01', name: '婴幼儿发展引导员', weight: 8, wageMedian: 4800, education: 'college', direction: 'livelihood',
    skills: ['早期发展指导', '亲子活动设计', '婴幼儿观察评估', '家庭教育指导', '感统训练'], shifts: DAY_SHIFTS },
  { code: '4-14-01-02', name: '医疗护理员', weight: 20, wageMedian: 4600, education: 'junior_high', direction: 'livelihood',
    skills: ['病患生活照护', '协助翻身移位', '生命体征观察', '消毒隔离', '陪诊服务', '饮食护理'], shifts: CARE },
  { code: '4-14-01-03', name: '健康照护师', weight: 8, wageMedian: 5000, education: 'vocational', direction: 'livelihood',
    skills: ['健康监测', '慢病照护', '康复训练辅助', '用药提醒', '照护计划制定', '生活照料'], shifts: CARE },
  { code: '4-14-02-05', name: '老年人能力评估师', weight: 3, wageMedian: 5500, education: 'college', direction: 'livelihood',
    skills: ['老年人能力评估', '评估报告撰写', '照护等级划分', '沟通协调'] },
  { code: '2-05-08-01', name: '内科护士', weight: 16, wageMedian: 5800, education: 'college', direction: 'livelihood',
    skills: ['静脉输液', '基础护理', '病情观察', '护理文书书写', '健康宣教', '慢病护理'], shifts: ROTATING },
  { code: '2-05-08-04', name: '外科护士', weight: 10, wageMedian: 6000, education: 'college', direction: 'livelihood',
    skills: ['围手术期护理', '伤口换药', '静脉输液', '基础护理', '护理文书书写'], shifts: ROTATING },
  { code: '2-05-08-03', name: '急诊护士', weight: 6, wageMedian: 6300, education: 'college', direction: 'livelihood',
    skills: ['急救护理', '心肺复苏', '危重症护理', '分诊', '静脉输液'], shifts: ROTATING },
  { code: '2-05-08-05', name: '社区护士', weight: 6, wageMedian: 5200, education: 'college', direction: 'livelihood',
    skills: ['家庭访视', '慢病管理', '健康宣教', '预防接种', '基础护理'], shifts: DAY_SHIFTS },
  { code: '2-05-08-02', name: '儿科护士', weight: 4, wageMedian: 5800, education: 'college', direction: 'livelihood',
    skills: ['儿科护理', '小儿静脉穿刺', '新生儿护理', '健康宣教'], shifts: ROTATING },
  { code: '2-05-08-06', name: '助产士', weight: 3, wageMedian: 6200, education: 'college', direction: 'livelihood',
    skills: ['接生', '产前检查', '新生儿护理', '母乳喂养指导'], shifts: ROTATING },
  { code: '2-08-03-00', name: '幼儿园教师', weight: 8, wageMedian: 4800, education: 'college', direction: 'livelihood',
    skills: ['幼儿活动设计', '保教结合', '儿童心理', '钢琴弹唱', '家园沟通', '幼儿美术'], shifts: DAY_SHIFTS },
  { code: '4-03-02-06', name: '营养配餐员', weight: 3, wageMedian: 4300, education: 'senior_high', direction: 'livelihood',
    skills: ['营养配餐', '食谱编制', '食品安全', '特殊膳食'] },
  { code: '4-10-04-02', name: '保健按摩师', weight: 6, wageMedian: 5500, education: 'junior_high', direction: 'consumption',
    skills: ['推拿按摩', '足部按摩', '经络调理', '客户沟通'], payBasis: 'piece', shifts: ['中午12点至晚12点，排班', '做六休一'] },

  // consumption: tourism, hospitality, catering, retail, convenience services
  { code: '4-03-01-02', name: '客房服务员', weight: 40, wageMedian: 3800, education: 'junior_high', direction: 'consumption',
    skills: ['客房清扫', '布草管理', '做床', '对客服务', '客房消毒', '迷你吧管理', '英语接待'],
    workTypes: ['full_time', 'seasonal'], shifts: HOSPITALITY },
  { code: '4-03-01-01', name: '前厅服务员', weight: 18, wageMedian: 4200, education: 'senior_high', direction: 'consumption',
    skills: ['前台接待', '入住退房办理', '酒店管理系统', '英语口语', '投诉处理', '收银结账', '俄语接待'],
    workTypes: ['full_time', 'seasonal'], shifts: HOSPITALITY },
  { code: '4-03-02-05', name: '餐厅服务员', weight: 40, wageMedian: 3600, education: 'junior_high', direction: 'consumption',
    skills: ['点菜服务', '摆台', '酒水服务', '宴会服务', '传菜', '餐具消毒', '收银'],
    workTypes: ['full_time', 'part_time', 'seasonal', 'gig'], shifts: HOSPITALITY },
  { code: '4-03-02-01', name: '中式烹调师', weight: 32, wageMedian: 5800, education: 'junior_high', direction: 'consumption',
    skills: ['刀工', '热菜烹调', '海南菜', '粤菜', '海鲜烹饪', '文昌鸡制作', '冷菜制作', '菜品成本控制', '食品安全'], shifts: HOSPITALITY },
  { code: '4-03-02-02', name: '中式面点师', weight: 12, wageMedian: 5000, education: 'junior_high', direction: 'consumption',
    skills: ['面点制作', '早茶点心', '海南粉制作', '发面技术', '清补凉制作', '食品安全'], shifts: ['早班05:30-14:00', '做六休一'] },
  { code: '4-03-02-03', name: '西式烹调师', weight: 6, wageMedian: 6500, education: 'senior_high', direction: 'consumption',
    skills: ['西餐热菜', '牛排烹制', '西式冷餐', '酱汁调制', '自助餐出品', '食品安全'], shifts: HOSPITALITY },
  { code: '4-03-02-08', name: '咖啡师', weight: 6, wageMedian: 4300, education: 'senior_high', direction: 'consumption',
    skills: ['意式咖啡制作', '手冲咖啡', '拉花', '咖啡机维护', '饮品研发'], workTypes: ['full_time', 'part_time'] },
  { code: '4-03-02-07', name: '茶艺师', weight: 4, wageMedian: 4200, education: 'senior_high', direction: 'consumption',
    skills: ['茶艺表演', '茶叶冲泡', '茶叶鉴别', '茶会组织', '白沙绿茶知识'] },
  { code: '4-03-02-09', name: '调酒师', weight: 3, wageMedian: 5000, education: 'senior_high', direction: 'consumption',
    skills: ['鸡尾酒调制', '酒水知识', '吧台管理', '英语服务'], shifts: ['晚班18:00-02:00', '排班制，月休6天'] },
  { code: '4-07-04-01', name: '导游', weight: 16, wageMedian: 5000, education: 'college', direction: 'consumption',
    skills: ['景点讲解', '行程安排', '团队管理', '英语导游', '俄语导游', '应急处置', '海南历史文化'],
    workTypes: ['full_time', 'seasonal', 'gig'], payBasis: 'piece', shifts: ['随团出行，按团计酬', '旺季排班'] },
  { code: '4-07-04-02', name: '旅游团队领队', weight: 3, wageMedian: 5500, education: 'college', direction: 'consumption',
    skills: ['出境领队', '行程协调', '团队管理', '外语沟通'], workTypes: ['full_time', 'seasonal'] },
  { code: '4-07-04-04', name: '旅游咨询员', weight: 4, wageMedian: 4000, education: 'senior_high', direction: 'consumption',
    skills: ['旅游线路咨询', '游客接待', '票务预订', '英语口语'] },
  { code: '4-13-01-03', name: '讲解员', weight: 4, wageMedian: 4200, education: 'college', direction: 'consumption',
    skills: ['展览讲解', '普通话播音', '文化解说', '游客接待'] },
  { code: '4-14-06-02', name: '民宿管家', weight: 12, wageMedian: 4500, education: 'senior_high', direction: 'consumption',
    skills: ['民宿运营', '客户接待', '在线平台运营', '房务管理', '本地旅游推荐', '短视频拍摄'], workTypes: ['full_time', 'seasonal'] },
  { code: '4-14-05-03', name: '游泳救生员', weight: 5, wageMedian: 4500, education: 'junior_high', direction: 'consumption',
    skills: ['水上救生', '心肺复苏', '泳池水质管理', '急救包扎'], workTypes: ['full_time', 'seasonal'] },
  { code: '4-01-02-03', name: '商品营业员', weight: 20, wageMedian: 4200, education: 'senior_high', direction: 'consumption',
    skills: ['商品销售', '商品陈列', '免税品知识', '英语接待', '客户服务', '收银操作'], workTypes: ['full_time', 'part_time'] },
  { code: '4-01-02-04', name: '收银员', weight: 12, wageMedian: 3500, education: 'junior_high', direction: 'consumption',
    skills: ['收银操作', '移动支付收款', '账目核对', '客户服务'], workTypes: ['full_time', 'part_time'] },
  { code: '4-01-02-01', name: '营销员', weight: 10, wageMedian: 5000, education: 'senior_high', direction: 'private_sme',
    skills: ['市场推广', '客户开发', '谈判技巧', '销售数据分析'], payBasis: 'piece' },
  { code: '4-01-06-02', name: '互联网营销师', weight: 8, wageMedian: 6000, education: 'college', direction: 'consumption',
    skills: ['直播带货', '短视频剪辑', '社群运营', '文案策划', '数据复盘'] },
  { code: '4-01-06-01', name: '电子商务师', weight: 6, wageMedian: 5500, education: 'college', direction: 'consumption',
    skills: ['网店运营', '跨境电商', '商品上架', '平台推广', '客服管理'] },
  { code: '4-12-01-01', name: '汽车维修工', weight: 10, wageMedian: 5500, education: 'vocational', direction: 'consumption',
    skills: ['发动机维修', '汽车电路检修', '新能源汽车维修', '汽车保养', '故障诊断仪使用'] },
  { code: '4-10-03-01', name: '美容师', weight: 5, wageMedian: 4800, education: 'junior_high', direction: 'consumption',
    skills: ['皮肤护理', '美容仪器操作', '化妆', '客户管理'], payBasis: 'piece' },
  { code: '4-10-03-02', name: '美发师', weight: 5, wageMedian: 5000, education: 'junior_high', direction: 'consumption',
    skills: ['剪发', '烫染', '造型设计', '头皮护理'], payBasis: 'piece' },

  // major projects: construction
  { code: '6-29-01-01', name: '砌筑工', weight: 18, wageMedian: 7500, education: 'primary', direction: 'major_projects',
    skills: ['砖砌体砌筑', '抹灰', '砌块墙施工', '看图施工', '质量自检', '安全施工'], payBasis: 'piece', shifts: SITE },
  { code: '6-29-01-04', name: '钢筋工', weight: 16, wageMedian: 7800, education: 'primary', direction: 'major_projects',
    skills: ['钢筋下料', '钢筋绑扎', '钢筋翻样', '看图施工', '机械连接', '安全施工'], payBasis: 'piece', shifts: SITE },
  { code: '6-29-01-05', name: '架子工', weight: 10, wageMedian: 8000, education: 'primary', direction: 'major_projects',
    skills: ['脚手架搭设', '脚手架拆除', '高处作业', '安全防护', '附着式升降脚手架'], permits: ['SPO-3.1'], shifts: SITE },
  { code: '6-29-01-03', name: '混凝土工', weight: 10, wageMedian: 7000, education: 'primary', direction: 'major_projects',
    skills: ['混凝土浇筑', '振捣', '混凝土养护', '模板配合', '质量自检'], payBasis: 'piece', shifts: SITE },
  { code: '6-31-01-03', name: '电工', weight: 24, wageMedian: 6500, education: 'vocational', direction: 'major_projects',
    skills: ['低压配电', '电气线路敷设', '电气故障排查', 'PLC控制', '电气安全', '电机维修', '看图施工'], permits: ['SPO-1.2', 'SPO-1.1'] },
  { code: '6-18-02-04', name: '焊工', weight: 16, wageMedian: 7200, education: 'junior_high', direction: 'advanced_manufacturing',
    skills: ['手工电弧焊', '二氧化碳气体保护焊', '氩弧焊', '焊缝检验', '管道焊接', '看图下料'], permits: ['SPO-2.1'] },
  { code: '6-29-02-08', name: '防水工', weight: 5, wageMedian: 6800, education: 'primary', direction: 'major_projects',
    skills: ['防水卷材铺贴', '涂膜防水', '渗漏处理', '屋面防水'], payBasis: 'piece', shifts: SITE },
  { code: '6-29-04-01', name: '装饰装修工', weight: 10, wageMedian: 7000, education: 'junior_high', direction: 'major_projects',
    skills: ['墙面抹灰', '瓷砖铺贴', '吊顶安装', '涂料施工', '水电改造'], payBasis: 'piece', shifts: SITE },
  { code: '6-29-03-04', name: '管工', weight: 5, wageMedian: 6800, education: 'junior_high', direction: 'major_projects',
    skills: ['管道安装', '给排水施工', '管道试压', '看图施工'], shifts: SITE },
  { code: '6-30-05-02', name: '起重工', weight: 4, wageMedian: 7500, education: 'junior_high', direction: 'major_projects',
    skills: ['起重指挥', '吊装方案', '索具选用', '安全操作'], shifts: SITE },
  { code: '6-29-01-06', name: '装配式建筑施工员', weight: 4, wageMedian: 7000, education: 'vocational', direction: 'major_projects',
    skills: ['构件吊装', '灌浆连接', '施工组织', 'BIM应用'], shifts: SITE },
  { code: '4-08-03-04', name: '工程测量员', weight: 4, wageMedian: 6500, education: 'vocational', direction: 'major_projects',
    skills: ['全站仪操作', 'GNSS测量', '施工放样', 'CAD制图', '测量数据处理'], shifts: SITE },

  // advanced manufacturing and new productive forces
  { code: '6-25-04-07', name: '电子设备装接工', weight: 8, wageMedian: 5200, education: 'senior_high', direction: 'advanced_manufacturing',
    skills: ['电子元器件焊接', 'SMT贴片', '电路板装配', '静电防护', '产品检测'], shifts: ROTATING },
  { code: '6-20-01-01', name: '装配钳工', weight: 6, wageMedian: 6000, education: 'vocational', direction: 'advanced_manufacturing',
    skills: ['钳工装配', '公差配合', '设备调试', '图纸识读'], shifts: ROTATING },
  { code: '6-18-01-07', name: '多工序数控机床操作调整工', weight: 5, wageMedian: 6500, education: 'vocational', direction: 'advanced_manufacturing',
    skills: ['数控编程', '数控车床操作', '加工中心操作', '量具使用', '刀具调整'], shifts: ROTATING },
  { code: '6-31-03-05', name: '质检员', weight: 8, wageMedian: 5000, education: 'senior_high', direction: 'advanced_manufacturing',
    skills: ['来料检验', '过程检验', '质量记录', '量具使用', '不合格品处理', 'ISO9001'] },
  { code: '6-12-01-00', name: '化学合成制药工', weight: 4, wageMedian: 5800, education: 'vocational', direction: 'advanced_manufacturing',
    skills: ['反应釜操作', 'GMP规范', '化学合成', '洁净区操作', '批记录填写'], permits: ['SPO-9'], shifts: ROTATING },
  { code: '6-11-01-03', name: '化工总控工', weight: 3, wageMedian: 6800, education: 'vocational', direction: 'advanced_manufacturing',
    skills: ['DCS操作', '工艺参数控制', '装置巡检', '危化品安全', '应急处置'], permits: ['SPO-9'], shifts: ROTATING },
  { code: '6-31-01-02', name: '机修钳工', weight: 5, wageMedian: 6500, education: 'vocational', direction: 'advanced_manufacturing',
    skills: ['设备维修', '设备保养', '故障诊断', '液压气动'] },
  { code: '6-23-02-03', name: '船舶电气装配工', weight: 3, wageMedian: 7000, education: 'vocational', direction: 'advanced_manufacturing',
    skills: ['船舶电气安装', '电缆敷设', '电气调试', '看图施工'] },
  { code: '6-01-05-01', name: '水产品加工工', weight: 6, wageMedian: 4200, education: 'junior_high', direction: 'private_sme',
    skills: ['水产品分拣', '冷冻加工', '真空包装', '食品安全'], workTypes: ['full_time', 'seasonal'], payBasis: 'piece', shifts: ROTATING },
  { code: '5-05-06-03', name: '热带作物初制工', weight: 4, wageMedian: 4000, education: 'junior_high', direction: 'private_sme',
    skills: ['橡胶初加工', '咖啡豆加工', '胡椒初制', '椰子加工'], workTypes: ['full_time', 'seasonal'] },
  { code: '6-02-01-01', name: '糕点面包烘焙工', weight: 5, wageMedian: 4500, education: 'junior_high', direction: 'consumption',
    skills: ['面包烘焙', '西点制作', '烤箱操作', '食品安全'] },
  { code: '6-02-06-09', name: '饮料制作工', weight: 3, wageMedian: 4300, education: 'junior_high', direction: 'private_sme',
    skills: ['椰汁饮料生产', '灌装操作', '杀菌工艺', '食品安全'], shifts: ROTATING },
  { code: '4-04-05-01', name: '计算机程序设计员', weight: 8, wageMedian: 9500, education: 'bachelor', direction: 'advanced_manufacturing',
    skills: ['Java开发', '前端开发', '数据库设计', '接口开发', 'Python', '代码评审'] },
  { code: '4-04-05-05', name: '人工智能训练师', weight: 5, wageMedian: 6000, education: 'college', direction: 'advanced_manufacturing',
    skills: ['数据标注', '标注质量审核', '智能客服训练', '对话数据处理', 'Python基础'] },
  { code: '4-04-05-03', name: '呼叫中心服务员', weight: 6, wageMedian: 4200, education: 'senior_high', direction: 'private_sme',
    skills: ['电话客服', '工单处理', '客户回访', '普通话标准', '投诉处理'], shifts: ['早中晚三班轮换', '朝九晚六，月休8天'] },
  { code: '4-07-02-05', name: '商务数据分析师', weight: 3, wageMedian: 8000, education: 'bachelor', direction: 'private_sme',
    skills: ['数据分析', 'Excel高级应用', 'SQL查询', '数据可视化', '报表制作'] },
  { code: '6-28-01-10', name: '光伏发电运维值班员', weight: 3, wageMedian: 6000, education: 'vocational', direction: 'public_soe',
    skills: ['光伏组件巡检', '逆变器维护', '电站监控', '电气安全'], permits: ['SPO-1.1'], shifts: ROTATING },

  // logistics and delivery
  { code: '4-02-07-08', name: '快递员', weight: 26, wageMedian: 6000, education: 'junior_high', direction: 'private_sme',
    skills: ['快件收派', '路线规划', '电动车驾驶', '客户沟通', '巴枪操作'], payBasis: 'piece' },
  { code: '4-10-08-01', name: '网约配送员', weight: 26, wageMedian: 6500, education: 'junior_high', direction: 'consumption',
    skills: ['即时配送', '路线规划', '电动车驾驶', '平台接单', '餐品保温'], workTypes: ['full_time', 'part_time', 'gig'], payBasis: 'piece',
    shifts: ['自主排班，午晚高峰在线', '全职专送，每天10小时'] },
  { code: '4-02-05-01', name: '装卸搬运工', weight: 14, wageMedian: 5200, education: 'primary', direction: 'private_sme',
    skills: ['货物装卸', '叉车驾驶', '货物码放', '安全搬运'], workTypes: ['full_time', 'gig'], payBasis: 'piece', shifts: ROTATING },
  { code: '4-02-06-01', name: '仓储管理员', weight: 8, wageMedian: 4800, education: 'senior_high', direction: 'private_sme',
    skills: ['出入库管理', '库存盘点', 'WMS系统', '叉车驾驶', 'Excel表格'] },
  { code: '4-02-06-02', name: '理货员', weight: 6, wageMedian: 4200, education: 'junior_high', direction: 'private_sme',
    skills: ['货物清点', '单据核对', '理货记录', '商品陈列'] },
  { code: '4-02-02-02', name: '道路货运汽车驾驶员', weight: 10, wageMedian: 7000, education: 'junior_high', direction: 'private_sme',
    skills: ['A2驾照', 'B2驾照', '冷链运输', '货物安全', '车辆日常保养'] },
  { code: '4-02-02-01', name: '客运车辆驾驶员', weight: 6, wageMedian: 6000, education: 'junior_high', direction: 'public_soe',
    skills: ['A1驾照', '安全驾驶', '乘客服务', '车辆日常检查'], shifts: ['早晚两班', '按线路排班'] },
  { code: '6-30-05-01', name: '起重装卸机械操作工', weight: 5, wageMedian: 6500, education: 'junior_high', direction: 'private_sme',
    skills: ['叉车驾驶', '门座起重机操作', '集装箱装卸', '安全操作'], shifts: ROTATING },

  // property, sanitation, security
  { code: '4-07-05-01', name: '保安员', weight: 22, wageMedian: 3800, education: 'junior_high', direction: 'livelihood',
    skills: ['门岗值守', '治安巡逻', '监控室值班', '消防设施操作', '突发事件处置'], shifts: ['两班倒，每班12小时', '三班倒，月休4天'] },
  { code: '4-09-08-01', name: '保洁员', weight: 22, wageMedian: 3100, education: 'primary', direction: 'livelihood',
    skills: ['日常保洁', '地面清洁', '玻璃清洗', '垃圾分类', '消毒作业'], workTypes: ['full_time', 'part_time'],
    shifts: ['早6点至下午2点', '白班8小时，月休4天'] },
  { code: '4-06-01-01', name: '物业管理师', weight: 6, wageMedian: 5000, education: 'college', direction: 'livelihood',
    skills: ['物业服务', '客户投诉处理', '费用收缴', '设施设备管理'] },
  { code: '4-09-10-01', name: '园林绿化工', weight: 8, wageMedian: 3800, education: 'primary', direction: 'livelihood',
    skills: ['绿化养护', '苗木修剪', '病虫害防治', '草坪养护', '椰子树修剪'] },
  { code: '6-29-03-03', name: '电梯安装维修工', weight: 4, wageMedian: 6500, education: 'vocational', direction: 'livelihood',
    skills: ['电梯安装', '电梯维保', '故障排除', '电气安全'] },
  { code: '6-29-03-05', name: '制冷空调系统安装维修工', weight: 6, wageMedian: 6200, education: 'vocational', direction: 'consumption',
    skills: ['空调安装', '制冷维修', '冷库维护', '高处作业'], permits: ['SPO-4.2'], payBasis: 'piece' },

  // agriculture and fisheries
  { code: '5-01-02-04', name: '热带作物栽培工', weight: 10, wageMedian: 3800, education: 'primary', direction: 'private_sme',
    skills: ['橡胶割胶', '槟榔种植', '椰子种植', '胡椒管理', '施肥管理', '病虫害防治'], workTypes: ['full_time', 'seasonal'], payBasis: 'piece' },
  { code: '5-01-02-01', name: '农艺工', weight: 6, wageMedian: 3800, education: 'primary', direction: 'private_sme',
    skills: ['冬季瓜菜种植', '田间管理', '育苗', '滴灌操作', '农药安全使用'], workTypes: ['seasonal', 'full_time'] },
  { code: '5-05-02-01', name: '农作物植保员', weight: 3, wageMedian: 4500, education: 'junior_high', direction: 'private_sme',
    skills: ['病虫害识别', '植保无人机操作', '农药安全使用', '绿色防控'], workTypes: ['seasonal', 'full_time'] },
  { code: '5-04-01-01', name: '水生动物苗种繁育工', weight: 3, wageMedian: 4800, education: 'junior_high', direction: 'private_sme',
    skills: ['对虾育苗', '石斑鱼育苗', '水质调控', '饵料投喂'] },
  { code: '5-05-01-02', name: '农业经理人', weight: 2, wageMedian: 5500, education: 'senior_high', direction: 'grassroots',
    skills: ['合作社管理', '农产品营销', '农业项目申报', '电商直播'] },

  // grassroots and public service
  { code: '3-01-04-01', name: '村和社区工作者', weight: 8, wageMedian: 4200, education: 'college', direction: 'grassroots',
    skills: ['社区网格管理', '居民服务', '政策宣传', '矛盾调解', '公文写作', '社区活动组织'] },
  { code: '2-07-10-01', name: '社会工作者', weight: 5, wageMedian: 4800, education: 'bachelor', direction: 'grassroots',
    skills: ['个案工作', '小组工作', '社区工作', '心理疏导', '资源链接', '残障服务'] },
  { code: '3-01-04-03', name: '劳动保障协理员', weight: 3, wageMedian: 3800, education: 'college', direction: 'grassroots',
    skills: ['就业登记', '社保政策咨询', '台账管理', '信息系统录入'] },
  { code: '4-07-03-01', name: '职业指导师', weight: 2, wageMedian: 5000, education: 'bachelor', direction: 'public_soe',
    skills: ['职业咨询', '就业指导', '招聘会组织', '政策解读'] },
  { code: '4-11-01-01', name: '供电服务员', weight: 2, wageMedian: 5200, education: 'college', direction: 'public_soe',
    skills: ['电费业务', '用电报装', '客户服务', '营销系统操作'] },
];
