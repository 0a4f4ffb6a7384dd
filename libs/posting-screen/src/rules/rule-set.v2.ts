import type { RuleSet } from '../types';

/*
 * Posting-screen rule set, version 2026.2. Data for review by legal staff; the engine is screen.ts.
 * Changes from 2025.1 (issue 15), measured on the real ad lines in data/corpus: hard conditions on gender, origin,
 * height and looks, school rank and infectious disease are held (REVIEW/BLOCK) with the statute that forbids them;
 * age stays WARN; fraud is matched as families (task and typing scams, brushing, identity harvesting, card renting,
 * paid referrals, fake mass hiring, overseas lures, get-rich-quick pay); fee rules ignore denied fees (无押金).
 *
 * Patterns are JavaScript regular-expression sources matched against the NORMALISED text:
 * simplified Chinese, half-width (，→ , ：→ :), latin lower-cased, Chinese numerals as digits
 * (三十五岁 → 35岁), spaces and punctuation between Chinese characters removed, except that clause
 * delimiters (, 。 ; 、 : …) stay between two multi-character segments. Write `:?` where a form field
 * label may be followed by a colon.
 * Exceptions mask only a match that lies wholly inside them, so `男女不限，限男性` still triggers G1.
 */

const ALT = (...parts: string[]): string => `(?:${parts.join('|')})`;

/** "do not hire / accept": 不招, 拒收, 谢绝录用, 不考虑 … */
const REFUSE = String.raw`(?:不|拒|谢绝|拒绝)(?:招收|招聘|招用|录用|聘用|招|要|收|录|聘|考虑|接受)`;
/** "… need not apply": 勿扰, 免谈 … */
const KEEP_AWAY_WORDS = '勿扰|免谈|慎投|勿投|谢绝|不要|不招|不收|不考虑|绕道|免进';
const KEEP_AWAY = `(?:${KEEP_AWAY_WORDS})`;
/** "only / must be": 限, 仅限, 只招, 要求 … */
const ONLY = String.raw`(?:仅限|只限|只招|仅招|只要|只收|限|仅|只)`;
const REQUIRE = String.raw`(?:仅限|只限|只招|仅招|只要|要求|必须|须|需|限)`;
const RANGE = String.raw`\s*(?:-|~|至|到|—|―|－|～)\s*`;

const ETHNIC_GROUPS = ALT(
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇',
  '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙',
  '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
);

const RELIGIOUS = String.raw`(?:有宗教信仰|宗教信仰者|宗教人士|信教|教徒|穆斯林|基督徒|基督教徒|天主教徒|佛教徒|伊斯兰教徒|回教徒|信徒)`;

const REGIONS = ALT(
  '北京', '天津', '河北', '山西', '内蒙古?', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南',
  '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '东北', '西北', '外地', '外省', '外市', '外县', '农村',
  '乡下', '潮汕', '温州', '海口', '三亚', '儋州', '琼海', '文昌', '万宁', '五指山', '定安', '屯昌',
  '澄迈', '临高', '白沙', '昌江', '乐东', '陵水', '保亭', '琼中', '洋浦',
);
const LOCAL = `(?:本地|本市|本省|本县|本区|当地|本岛|岛内|${REGIONS})`;

/** Age ceilings A1 looks at: 17–59 (16 and below are A2; 60+ is statutory retirement age). */
const CEILING_AGE = String.raw`(?:1[7-9]|[2-5]\d)`;
/** Ages below the minimum working age of 16. */
const CHILD_AGE = String.raw`(?:1[0-5]|[1-9])`;
/** Statements that exclude the young (a floor, lawful) rather than the old. */
const AGE_FLOOR_STATEMENTS = [
  String.raw`\d{1,2}\s*周?岁(?:及)?(?:以下|以内)(?:者|人员|的|未成年人)?${KEEP_AWAY}`,
  String.raw`(?:不|拒|禁止|严禁|不得)(?:招收|招聘|招用|录用|聘用|雇佣|使用|招|要|收)(?:年龄)?(?:未满|不满|小于|低于)?\d{1,2}\s*周?岁(?:及)?(?:以下|以内)?`,
  String.raw`(?:未满|不满|小于|低于)\d{1,2}\s*周?岁(?:者|人员|的)?(?:${KEEP_AWAY_WORDS}|不予录用|不录用)`,
];
/** Ages of the people served (照护0-3岁婴幼儿, 辅导6-12岁儿童), not of the worker. */
const CLIENT_AGES = [
  String.raw`(?:\d{1,2}\s*(?:个月|周?岁)?${RANGE})?\d{1,2}\s*(?:个月|周?岁)(?:及)?(?:以下|以上|以内)?(?:的)?(?:儿童|孩子|小孩|学生|小学生|中学生|青少年|学员|幼儿|宝宝|婴幼儿|婴儿|小朋友|老人|长者|患者|客户)`,
  String.raw`(?:照顾|照护|看护|护理|辅导|陪伴|陪护|教|带|托管|服务|接送)(?:\d{1,2}\s*(?:个月|周?岁)?${RANGE})?\d{1,2}\s*(?:个月|周?岁)`,
];

/** Ranked-school wording followed by 优先 (a preference: S2 warns, S1 does not hold it). */
const SCHOOL_PREFERENCE = [
  String.raw`(?:985|211|双一流|重点(?:大学|院校|高校|本科)?|名校|一本)[^,;。!]{0,14}(?:优先|更佳|为佳|可接受)`,
];

const FEES = String.raw`(?:岗位稳定金|稳定金|押金|保证金|报名费|服装费|工服费|工装费|培训费用?|资料费|介绍费|中介费|入职费|建档费|工牌费|面试费|会员费|入会费|激活费|体检费用?)`;
const FEE_NEGATION = String.raw`(?:不|无|免|零|拒绝|杜绝|严禁|禁止|没有|从不|绝不|不会|不得)`;
const PAYER = String.raw`(?:公司|单位|企业|我司|厂里|厂方|老板|政府|国家|财政)`;

const DOCUMENTS = String.raw`(?:居民身份证|身份证|证件|毕业证书?|学位证书?|学历证书?|户口本|户口簿|护照|驾驶证|驾照|职业资格证书?|资格证书?|技能证书?|社保卡|银行卡|工资卡)`;
const HOLDER = String.raw`(?:公司|单位|厂里|厂方|我司|人事|财务|企业|老板|中介)`;

const HIGH_RISK_ABROAD = String.raw`(?:缅甸|柬埔寨|老挝|妙瓦底|西港|金三角|kk园区|迪拜)`;
const PAY_WORDS = String.raw`(?:高薪|月薪|年薪|月入|底薪|高收入|包机票)`;

export const RULE_SET_V2: RuleSet = {
  version: '2026.2',
  effectiveFrom: '2026-12-07',
  ageCeilingExemptFrom: 60,
  minimumWorkingAge: 16,
  barredToWomen: {
    basis: '《女职工劳动保护特别规定》附录 第一条（矿山井下作业）；《中华人民共和国妇女权益保障法》第四十三条',
    // 职业分类大典 2022: 6-16-01-04 矿井开掘工, -05 井下采矿工, -06 井下支护工, -07 井下机车运输工,
    // -09 矿井通风工. The appendix also bars work of physical-labour intensity grade IV and heavy
    // lifting (>20 kg 6+ times an hour, >25 kg intermittently); those depend on the job, not the
    // occupation, and are left to the reviewing officer via the keywords below.
    occupationCodePrefixes: ['6-16-01-04', '6-16-01-05', '6-16-01-06', '6-16-01-07', '6-16-01-09'],
    keywords: ['矿山井下', '井下作业', '井下采矿', '井下开采', '矿井', '第四级体力劳动强度', '四级体力劳动'],
  },
  lawfulPreferences: ['残疾人优先', '退役军人优先', '脱贫劳动力优先', '高校毕业生优先'],
  rules: [
    {
      code: 'G1',
      category: { zh: '性别限制或偏好', en: 'gender limit or preference' },
      verdict: 'BLOCK',
      basis: '《中华人民共和国就业促进法》第二十七条；《中华人民共和国妇女权益保障法》第四十三条第（一）项；《人力资源市场暂行条例》第二十四条；《就业服务与就业管理规定》第二十条',
      reason: {
        zh: '招聘信息不得限定性别或设置性别偏好，不得以性别为由拒绝录用或提高录用标准。',
        en: 'A posting may not limit or prefer a gender, or refuse applicants because of their gender.',
      },
      trigger: '[男女]',
      patterns: [
        String.raw`${ONLY}(?:招收|招聘|录用|聘用|招|要|收|录|聘)?(?:男|女)(?:性|士|生|工|的|员工|职工)?`,
        String.raw`(?:只|仅)(?:适合|面向|针对)(?:男|女)`,
        String.raw`(?:招聘|招收|诚聘|急聘|聘请|招)(?:男|女)(?:性|士|生|工)`,
        String.raw`(?:要求|必须|须为|需为)(?:男|女)(?:性|士|生)`,
        // Gendered job titles: 女服务员, 男保安.
        String.raw`(?<![男女])(?:男|女)(?:服务员|技师|司机|保安|普工|店员|文员|营业员|收银员|主播|助理|前台|导购|护工|保洁员?|学徒)`,
        String.raw`(?:男|女)(?:性|士|生|的)?(?:优先|为主|更佳|最佳|尤佳)`,
        String.raw`(?:男|女)(?:性|士|生|的|同志)?${KEEP_AWAY}`,
        String.raw`${REFUSE}(?:男|女)(?:性|士|生|工|的)?`,
        String.raw`性别(?:要求|限制|限定)?:?(?:为|是|限)?:?(?:男|女)(?:性)?(?![男女]|不限|均可|皆可|都可)`,
        // A bare gender as an item of the requirements: 要求：女性，…; 1、女，18-35岁; 女生5名; 30岁以下女性.
        String.raw`(?:^|[,;:。、!(\s]|要求|条件|资格|人员)(?:\d{1,2}[、.)])?(?:限)?(?:女|男)(?:性|生|士|工)?(?=$|[,;:。、!)\s]|\d)`,
        String.raw`(?:女|男)(?:性|生|士|工)\d+\s*(?:名|人|位)`,
        String.raw`(?:周?岁|以下|以上|以内)(?:的)?(?:女|男)(?:性|生|士)`,
        // Different standards for men and women: 女16-40，男16-35; 男1.65米以上，女1.55米以上.
        String.raw`(?<![男女子])(?:女|男)(?:性|生|士)?(?:身高|年龄)?:?\s*(?:\d{2}\s*(?:周?岁)?${RANGE}\d{2}|1[.、]\d{2}\s*(?:m|米)|\d{3}\s*(?:cm|厘米|公分))`,
        String.raw`男女比例(?!不限)|(?:女|男)(?:性|生|士|工)?(?:已满|满员|名额已满)`,
        String.raw`(?:只|仅|更)?适合(?:男|女)(?:性|生|士)`,
      ],
      exceptions: [
        String.raw`男女不限|不限男女|男女均可|男女皆可|男女都可以?|男女各半|男女比例不限|性别不限|不限性别|欢迎女性|欢迎男性`,
        // 员工子女优先入学 is about employees' children.
        String.raw`(?:子|儿|孙)女(?:优先|${KEEP_AWAY_WORDS})`,
        // Both genders listed: 男生，女生均可; 男、女.
        String.raw`(?:男|女)(?:性|生|士|工)?(?:[,、/和及与或]|\s)+(?:男|女)(?:性|生|士|工)?(?:均可|皆可|都可|不限)?`,
      ],
      pinyinPhrases: ['男性优先', '女性优先', '男士优先', '女士优先', '仅限男性', '仅限女性', '限男性', '限女性', '只招男', '只招女', '女士勿扰', '男士勿扰'],
      modifiers: [
        {
          when: { kind: 'occupationBarredToWomen' },
          verdict: 'REVIEW',
          onlyIfMatchIncludes: String.raw`男(?!.*(?:勿扰|免谈|慎投|谢绝|绕道))|女.{0,3}(?:勿扰|免谈|慎投|勿投|谢绝|不要|不招|绕道)|不(?:招|要|收|录用?|考虑)女`,
          note: '岗位属于法定女职工禁忌从事的劳动范围（矿山井下作业等），限招男性可能合法，交专员复核。 / Occupation on the statutory list of work barred to women: held for an officer.',
        },
      ],
      examples: ['限男', '仅限男性', '只招男', '男性优先', '女士勿扰', '限女', '女性优先'],
      mustNotTrigger: ['男女不限', '欢迎女性'],
    },
    {
      code: 'G2',
      category: { zh: '婚姻、生育状况限制', en: 'marriage, childbearing, pregnancy' },
      verdict: 'BLOCK',
      basis: '《中华人民共和国妇女权益保障法》第四十三条第（二）至（四）项；《中华人民共和国就业促进法》第二十七条',
      reason: {
        zh: '招聘时不得限定婚姻、生育状况，不得进行妊娠测试或将限制生育作为录用条件。',
        en: 'A posting may not ask about or restrict marriage or childbearing, require pregnancy tests, or forbid having children.',
      },
      trigger: '[婚育孕娠生孩单离丧哺]',
      patterns: [
        String.raw`已婚已育|已婚未育|未婚未育|已婚有孩|已婚已孕|未婚`,
        String.raw`${REQUIRE}(?:为)?(?:已婚|未婚|已育|未育|单身|离异)`,
        String.raw`(?:已婚|未婚|已育|未育|单身|离异|丧偶)(?:者|人士|女性|男性|女士|男士|男|女)?(?:优先|${KEEP_AWAY_WORDS})`,
        String.raw`婚育(?:证明|情况|状况|要求)|(?:提供|出具)(?:婚育|生育|未孕|未育|婚姻状况|婚姻)证明|未孕证明`,
        String.raw`(?:不得|不能|不准|不许|不可|暂不)(?:生育|怀孕|生孩子|要孩子|生小孩|要小孩)`,
        String.raw`(?:年内|入职后|录用后|合同期内?)(?:不得|不能|不准|不许|不可|暂不)结婚`,
        String.raw`无(?:生育|怀孕|要孩子|结婚)(?:计划|打算)`,
        String.raw`孕检|孕期检查|妊娠检查|妊娠测试|验孕`,
        String.raw`(?:怀孕|孕妇|孕期|哺乳期)(?:者|女性|人员)?(?:${KEEP_AWAY_WORDS}|不予录用|不录用)`,
        String.raw`${REFUSE}(?:孕妇|孕期|怀孕|哺乳期|已婚|未婚)`,
      ],
      exceptions: [
        String.raw`(?:产检|孕检)假|(?:享受|提供|安排|给予)(?:带薪)?(?:孕检|产检)|孕检(?:科室?|门诊|中心|服务|咨询)`,
        String.raw`不(?:问|限|询问|考虑|要求)(?:婚育|婚姻)(?:情况|状况)?|婚否不限|婚姻状况不限|(?:已婚|未婚)(?:[、/或和与]?(?:已婚|未婚))?(?:均可|皆可|不限|都可)`,
      ],
      pinyinPhrases: ['已婚已育', '未婚未育'],
      examples: ['已婚已育', '未婚', '三年内不得生育', '孕检', '提供婚育证明'],
    },
    {
      code: 'E1',
      category: { zh: '民族、种族限制', en: 'ethnicity, race' },
      verdict: 'BLOCK',
      basis: '《中华人民共和国就业促进法》第三条、第二十八条；《人力资源市场暂行条例》第二十四条；《就业服务与就业管理规定》第二十条',
      reason: {
        zh: '劳动者就业不因民族、种族不同而受歧视，招聘信息不得限定或排斥特定民族。',
        en: 'Job seekers may not be discriminated against for their ethnicity or race.',
      },
      trigger: '[族]',
      patterns: [
        String.raw`${REQUIRE}(?:为)?汉族`,
        String.raw`汉族(?:人|人士)?(?:优先|为主)`,
        String.raw`民族(?:要求|限制)?:?(?:限|为)?汉族`,
        String.raw`${REFUSE}(?:少数民族|${ETHNIC_GROUPS}族)`,
        String.raw`(?:少数民族|${ETHNIC_GROUPS}族)(?:人|人士|同胞|员工)?${KEEP_AWAY}`,
        // Factory agents' quota code: 四大民族已满 (Hui, Uyghur, Tibetan, Yi "full").
        String.raw`(?:四大民族|少数民族|${ETHNIC_GROUPS}族)(?:人员|员工)?(?:已满|满员|不收|不要|勿扰)`,
      ],
      exceptions: [
        String.raw`少数民族(?:同胞)?优先|欢迎(?:少数民族|各族|各民族)|民族不限|不限民族`,
      ],
      examples: ['限汉族', '不招少数民族', '维吾尔族勿扰'],
      mustNotTrigger: ['少数民族优先'],
    },
    {
      code: 'R1',
      category: { zh: '宗教信仰限制', en: 'religion' },
      verdict: 'BLOCK',
      basis: '《中华人民共和国就业促进法》第三条；《人力资源市场暂行条例》第二十四条；《就业服务与就业管理规定》第二十条',
      reason: {
        zh: '劳动者就业不因宗教信仰不同而受歧视，招聘信息不得限定或排斥宗教信仰。',
        en: 'Job seekers may not be discriminated against for their religious belief.',
      },
      trigger: '[教宗信穆徒]',
      patterns: [
        String.raw`${REFUSE}(?:任何)?${RELIGIOUS}`,
        String.raw`${RELIGIOUS}(?:者|人士|人员)?${KEEP_AWAY}`,
        String.raw`(?:无|没有|不得有|不能有|不可有)宗教信仰`,
        String.raw`(?:要求|须|需|必须|限|仅限|只招)(?:不信教|无宗教|非穆斯林|非信教)`,
        String.raw`不信(?:仰)?(?:宗教|教)`,
      ],
      exceptions: [String.raw`尊重(?:员工)?(?:的)?宗教信仰|宗教信仰自由|不限宗教(?:信仰)?|宗教信仰不限`],
      examples: ['不招信教', '无宗教信仰', '穆斯林勿扰'],
    },
    {
      code: 'H1',
      category: { zh: '户籍、地域、身份限制', en: 'hukou, region, identity' },
      verdict: 'BLOCK',
      basis: '《中华人民共和国就业促进法》第二十六条、第三十一条；《网络招聘服务管理规定》第十五条；《就业服务与就业管理规定》第二十条',
      reason: {
        zh: '招聘信息不得含有户籍、地域或城乡身份歧视内容。',
        en: 'A posting may not restrict applicants by hukou, home region or rural/urban status.',
      },
      patterns: [
        String.raw`(?:${LOCAL}|城镇|城市|农村|非农业?|农业)(?:户口|户籍)`,
        String.raw`户(?:口|籍)(?:要求|限制)?:?(?:为|限|须为|需为)?${LOCAL}`,
        String.raw`${REQUIRE}(?:为)?${LOCAL}(?:人|籍)`,
        String.raw`${LOCAL}(?:人|籍)(?:人士|人员)?(?:优先|为主)`,
        // 本地人 as an item of a requirements list.
        String.raw`(?<=^|[,;:。、])(?:本地|本市|本省|本县|本区|当地)人(?=$|[,;:。、!])`,
        String.raw`籍(?:人士|人员|员工)?${KEEP_AWAY}`,
        String.raw`${REGIONS}(?:人|籍)(?:人士|人员)?${KEEP_AWAY}`,
        String.raw`${REFUSE}${REGIONS}(?:人|籍)?`,
        String.raw`\d{2,6}开头(?:的)?(?:身份证)?(?:人员)?${KEEP_AWAY}`,
      ],
      exceptions: [
        String.raw`不限户(?:口|籍)|户(?:口|籍)(?:所在地)?不限|不限(?:地区|地域|籍贯)|籍贯不限|地域不限`,
        String.raw`(?:协助|帮助|帮忙|免费|可|负责|代为|代)?(?:办理|解决|迁入|落)${LOCAL}?(?:户口|户籍)`,
        String.raw`(?:可|协助|支持|办理|人才)落户`,
        String.raw`不(?:要求|需要?|限制|看|问)${LOCAL}?(?:户口|户籍)`,
        // Help for non-local staff: 可为非上海户籍人员办理居住证.
        String.raw`非${LOCAL}(?:户口|户籍)(?:人员|员工|职工)?(?:办理|缴纳|可|也可|亦可|均可)`,
      ],
      pinyinPhrases: ['本地户口', '本市户籍', '外地人勿扰'],
      modifiers: [
        {
          when: { kind: 'publicPost' },
          verdict: 'REVIEW',
          onlyIfMatchIncludes: '户口|户籍|本地|本市|本县|本区|当地',
          note: '公共岗位的户籍/居住地要求可能有政策依据（如面向本县就业困难人员的公益性岗位），交专员复核。 / Public post with a residence rule: held for an officer to check its lawful basis.',
        },
      ],
      examples: ['限本地户口', '本市户籍', '非农户口', '河南籍勿扰', '不招新疆人'],
      mustNotTrigger: ['不限户籍'],
    },
    {
      code: 'D1',
      category: { zh: '乙肝、传染病检测或排斥', en: 'hepatitis B, infectious disease' },
      verdict: 'BLOCK',
      basis: '《中华人民共和国就业促进法》第三十条；《就业服务与就业管理规定》第十九条；人社部发〔2010〕12号',
      reason: {
        zh: '不得以传染病病原携带为由拒绝录用，不得要求乙肝项目检测。',
        en: 'Carriers of infectious pathogens such as hepatitis B may not be refused, and hepatitis B tests may not be required.',
      },
      patterns: [String.raw`乙肝|乙型肝炎|两对半|大三阳|小三阳|澳抗|艾滋|(?<![a-z])(?:hbsag|hbv|hiv)(?![a-z])`],
      exceptions: [
        String.raw`(?:乙肝|乙型肝炎|hbv|hiv|艾滋病?)(?:疫苗|防治|防控|宣传|宣教|关怀|咨询员|病房|门诊)`,
        String.raw`(?:接种|防治|防控|宣传)(?:乙肝|乙型肝炎|艾滋病?|hiv)(?:疫苗)?`,
        String.raw`(?:不歧视|欢迎|接受|不排斥|不限制?)(?:乙肝|乙型肝炎|hbv|hiv|艾滋病?)(?:病毒)?(?:携带者?|感染者|患者)?`,
        String.raw`(?:乙肝|hbv)(?:病毒)?(?:携带者?)(?:可|也可|亦可|均可)`,
        String.raw`(?:不查|不检查?|不检测|不做|无需|不需要?|不要求|不含|不包括|不包含)(?:乙肝|乙型肝炎|hbsag|两对半|hiv|艾滋病?)(?:五项|检测|检查|项目)?`,
      ],
      pinyinPhrases: ['两对半', '乙肝五项'],
      examples: ['乙肝', '两对半', '乙肝五项', 'HBsAg', '大三阳', '非乙肝携带', 'HIV阴性'],
      mustNotTrigger: ['需持健康证'],
    },
    {
      code: 'D2',
      category: { zh: '以残疾为由排斥', en: 'disability status as exclusion' },
      verdict: 'REVIEW',
      basis: '《中华人民共和国就业促进法》第二十九条；《中华人民共和国残疾人保障法》第三十八条',
      reason: {
        zh: '不得以残疾为由排斥求职者；与岗位相关的能力要求（如能搬运25公斤）可以保留，交专员复核。',
        en: 'Disabled applicants may not be excluded for their disability; job-related ability requirements are fine. Held for review.',
      },
      trigger: '[残肢健缺]',
      patterns: [
        String.raw`${REFUSE}(?:残疾人士|残障人士|残疾人|残障人|残疾|残障|身体残疾|肢体残疾)`,
        String.raw`(?:残疾|残障)(?:人|人士|者)?${KEEP_AWAY}`,
        String.raw`四肢健全|肢体健全|身体健全|五官健全|身体无残疾|无残疾|无残障|非残疾|无(?:身体|肢体|生理)缺陷|身体无缺陷`,
      ],
      exceptions: [
        String.raw`残(?:疾|障)人(?:士)?优先|欢迎残(?:疾|障)人(?:士)?|残(?:疾|障)人(?:士)?(?:可|亦可|也可|均可)(?:报名|应聘|投递)?`,
        String.raw`(?:适合|接纳|招收|安置|扶持)残(?:疾|障)人(?:士)?|残疾人(?:就业)?(?:保障金|证)`,
      ],
      examples: ['不招残疾人', '四肢健全', '身体无残疾'],
      mustNotTrigger: ['残疾人优先', '欢迎残疾人', '能搬运25公斤'],
    },
    {
      code: 'D3',
      category: { zh: '笼统排斥传染病、疾病', en: 'blanket exclusion of illness' },
      verdict: 'REVIEW',
      basis: '《中华人民共和国就业促进法》第三十条；《就业服务与就业管理规定》第十九条；例外：《中华人民共和国食品安全法》第四十五条（接触直接入口食品的人员须取得健康证明）',
      reason: {
        zh: '除法律、行政法规和卫生部门规定禁止从事的工作外，不得以传染病病原携带为由拒绝录用；与岗位相关的健康要求（如食品从业人员健康证）交专员复核。',
        en: 'Carriers of infectious diseases may not be refused except for work the law or the health authorities bar them from (e.g. food handlers); held for an officer to check the job.',
      },
      trigger: '[病疾]',
      patterns: [
        String.raw`无(?:任何)?(?:传染(?:性)?(?:疾)?病|身体疾病|疾病史|重大疾病|病史)|(?:及|和|或)传染(?:性)?(?:疾)?病|非传染病`,
        String.raw`(?:传染病|疾病)(?:患者|者|人员)?(?:${KEEP_AWAY_WORDS}|不予录用|不录用|不要)`,
      ],
      exceptions: [String.raw`(?:传染病|疾病)(?:防治|防控|预防|科|医院|管理)`],
      examples: ['无传染疾病', '无纹身及传染病'],
      mustNotTrigger: ['需持健康证', '身体健康'],
    },
    {
      code: 'A1',
      category: { zh: '年龄上限', en: 'age ceiling' },
      verdict: 'WARN',
      basis: '《中共中央 国务院关于实施就业优先战略促进高质量充分就业的意见》（2024年）关于破除就业歧视的要求；无法律明文禁止',
      reason: {
        zh: '设置年龄上限不利于大龄劳动者就业，须说明与岗位相关的理由后方可发布。',
        en: 'An age ceiling is disfavoured by central policy; publishable once a job-related justification is given.',
      },
      patterns: [
        String.raw`(?<!\d)${CEILING_AGE}\s*周?岁(?:及|或)?(?:以下|以内|之内|之下|下)`,
        String.raw`(?:年龄|年纪)(?:要求|限制|限|范围|段)?:?(?:在|为|是)?\s*\d{1,2}\s*(?:周?岁)?${RANGE}${CEILING_AGE}(?!\d)(?:\s*周?岁)?`,
        String.raw`(?<!\d)\d{1,2}\s*(?:周?岁)?${RANGE}${CEILING_AGE}\s*周?岁`,
        // 20岁-30岁 normalises to 20岁30岁 (a dash between a character and a digit is dropped).
        String.raw`(?<!\d)\d{1,2}\s*周?岁\s*${CEILING_AGE}\s*周?岁`,
        String.raw`(?:不超过|不大于|不高于|未满|小于|低于|不得超过|不得高于|不能超过|最大|最高|上限)${CEILING_AGE}\s*周?岁`,
        String.raw`(?<!\d)${CEILING_AGE}\s*周?岁(?:及)?以上(?:者|人员|的)?(?:${KEEP_AWAY_WORDS}|不予考虑)`,
        String.raw`(?:超过|大于|高于)${CEILING_AGE}\s*周?岁(?:者|人员|的)?${KEEP_AWAY}`,
        String.raw`${REFUSE}(?:年龄)?(?:超过|大于|高于)?${CEILING_AGE}\s*周?岁(?!及?以下|以内|之下)`,
        // Birth cohorts: 只要90后, 00后优先.
        String.raw`(?:仅限|只限|只招|只要|限)\d{2}后|(?<!\d)\d{2}后(?:优先|为主)`,
      ],
      exceptions: [String.raw`年龄不限|不限年龄|退休返聘|返聘`, ...AGE_FLOOR_STATEMENTS, ...CLIENT_AGES],
      examples: ['35岁以下', '年龄18-30', '40周岁以内', '三十五岁以下', '只要90后'],
      mustNotTrigger: ['年龄不限', '退休返聘'],
    },
    {
      code: 'A2',
      category: { zh: '招用未满16周岁未成年人', en: 'under 16' },
      verdict: 'BLOCK',
      basis: '《中华人民共和国劳动法》第十五条；《禁止使用童工规定》',
      reason: {
        zh: '禁止用人单位招用未满十六周岁的未成年人。',
        en: 'Employing children under 16 is prohibited.',
      },
      trigger: '[岁初小龄纪]',
      patterns: [
        String.raw`(?:招(?:收|聘|用)?|年满)${CHILD_AGE}\s*周?岁`,
        String.raw`(?<!\d)(?:1[0-6]|[1-9])\s*周?岁(?:及|或)?(?:以下|以内|之内)`,
        String.raw`(?<!\d)${CHILD_AGE}\s*周?岁(?:及|或)?以上`,
        String.raw`(?<!\d)${CHILD_AGE}\s*(?:周?岁)?${RANGE}\d{1,2}\s*周?岁`,
        String.raw`(?:年龄|年纪)(?:要求|限制|限|范围)?:?(?:在|为|是)?\s*${CHILD_AGE}\s*(?:周?岁)?${RANGE}`,
        String.raw`初中在读|在读初中生?|在校初中生|初中生(?:暑假工|寒假工|兼职|勤工俭学)|小学在读|在读小学生?|未满16周?岁(?:也可|可|均可|亦可)`,
      ],
      exceptions: [String.raw`1[6-9]\s*周岁以上|年满1[6-9]\s*周?岁`, ...AGE_FLOOR_STATEMENTS, ...CLIENT_AGES],
      examples: ['招15岁', '16岁以下', '初中在读'],
      mustNotTrigger: ['16周岁以上'],
    },
    {
      code: 'S1',
      category: { zh: '院校出身限制', en: 'school prestige' },
      verdict: 'REVIEW',
      basis: '《教育部关于做好2025届全国普通高校毕业生就业创业工作的通知》（严禁发布含有限定985高校、211高校等字样的招聘信息）；《人力资源市场暂行条例》第二十四条；《中华人民共和国就业促进法》第二十六条',
      reason: {
        zh: '不得将毕业院校、第一学历等作为限制性条件；校园及毕业生招聘活动中禁止发布。',
        en: 'Restricting applicants by university prestige or "first degree" is barred at graduate events and held for review elsewhere.',
      },
      patterns: [
        String.raw`(?<!\d)(?:985|211)(?!\d)(?:\s*[/、,和及或与]\s*(?:985|211)(?!\d))*\s*(?:工程)?(?:院校|高校|大学|学校|本科|毕业|学历|名校|优先|以上|背景|重点)`,
        String.raw`(?:限|仅限|只招|只要|要求|须|需|必须|非)(?:为)?(?:985|211)(?!\d)`,
        String.raw`双一流|第一学历|名校|重点(?:大学|院校|高校|本科)|一本(?:院校|大学|学历|毕业|以上|及以上)`,
        String.raw`(?:985|211)(?:\s*[/、,和及或与]\s*(?:985|211))+`,
        String.raw`qs(?:世界)?(?:排名)?(?:前|top)\s*\d+|双非`,
      ],
      exceptions: [
        String.raw`第一学历不限|不限第一学历|不看第一学历|不问第一学历|不要求第一学历|不限(?:院校|学校)|院校不限|学校不限|知名校`,
        // A preference, not a condition: S2 warns about it.
        ...SCHOOL_PREFERENCE,
        // A denial: 你可以没有211、985的学位证书.
        String.raw`(?:没有|不需要?|不要求|不看|无需)[^,;。]{0,4}(?:985|211|名校|重点)[^,;。]{0,12}`,
      ],
      modifiers: [
        {
          when: { kind: 'graduateEvent' },
          verdict: 'BLOCK',
          note: '高校毕业生招聘活动中禁止设置院校出身限制。 / Prestige limits are barred at graduate recruitment events.',
        },
      ],
      examples: ['限985', '211院校', '双一流', '第一学历', '全日制统招第一学历'],
      mustNotTrigger: ['本科及以上学历'],
    },
    {
      code: 'S2',
      category: { zh: '院校出身偏好', en: 'school prestige preference' },
      verdict: 'WARN',
      basis: '《教育部关于做好2025届全国普通高校毕业生就业创业工作的通知》；《人力资源市场暂行条例》第二十四条',
      reason: {
        zh: '以院校层次作为优先条件不利于公平就业，须说明与岗位相关的理由后方可发布。',
        en: 'Preferring graduates of ranked universities needs a job-related justification before publishing.',
      },
      patterns: SCHOOL_PREFERENCE,
      modifiers: [
        {
          when: { kind: 'graduateEvent' },
          verdict: 'BLOCK',
          note: '高校毕业生招聘活动中禁止设置院校出身限制。 / Prestige limits are barred at graduate recruitment events.',
        },
      ],
      examples: ['985重点高校毕业优先考虑', '重点大学英语专业优先'],
    },
    {
      code: 'P1',
      category: { zh: '笼统的形象要求', en: 'general appearance wording' },
      verdict: 'WARN',
      basis: '《中华人民共和国就业促进法》第三条（公平就业）；《人力资源市场暂行条例》第二十四条',
      reason: {
        zh: '"形象气质佳"等笼统外貌要求可能构成歧视，须说明与岗位相关的理由后方可发布。',
        en: 'General appearance wording ("good image and bearing") may discriminate; publishable once a job-related reason is given.',
      },
      patterns: [
        String.raw`形象(?:气质)?(?:良好|较好|较佳|好|佳|优|端正|得体|俱佳|端庄|大方)|气质(?:形象)?(?:佳|好|优|较佳|俱佳)|形象气质|五官端正|相貌端正|容貌端正|品貌端正|外表端庄|长相端正|美女|帅哥`,
      ],
      exceptions: [String.raw`形象不限|不限形象|无形象要求|(?:公司|企业|品牌|店面|职业|网络)形象`],
      examples: ['形象气质佳', '五官端正', '形象良好'],
    },
    {
      code: 'P2',
      category: { zh: '身高、相貌、体型作为条件', en: 'height, looks or build as a condition' },
      verdict: 'REVIEW',
      basis: '《中华人民共和国就业促进法》第三条、第二十六条；《人力资源市场暂行条例》第二十四条；《就业服务与就业管理规定》第二十条',
      reason: {
        zh: '以身高、相貌、体型设限与多数岗位无关，可能构成就业歧视；模特、安保等岗位的合理要求由专员复核。',
        en: 'Height, looks or build as a hiring condition is unrelated to most jobs and may be discrimination; job-related cases (models, guards) are left to an officer.',
      },
      trigger: '[身米mc厘公体重长容颜肤甜个材型态胖瘦貌]',
      patterns: [
        String.raw`身高\s*(?:要求)?:?(?:在|为|需|须|需在)?\s*(?:男|女)?(?:性|生|士)?\s*:?\s*(?:1\s*[.、米]\s*\d{1,2}|\d{3})`,
        String.raw`(?<![\d.])1\s*[.、]\s*\d{2}\s*(?:m|米)(?:以上|左右)?|(?<![\d.])1米\d{1,2}(?:以上)?|(?<![\d.])1[5-9]\d\s*(?:cm|厘米|公分)(?:以上|左右)?`,
        String.raw`体重\s*(?:要求)?:?(?:在|为)?\s*\d{2,3}\s*(?:kg|公斤|斤)`,
        String.raw`长相(?:好|甜美|出众|漂亮|帅气|清秀)|面容姣好|容貌(?:姣好|出众|秀丽)|颜值|肤色白皙|肤白|甜美可爱|年轻貌美|个子高挑|身材(?:好|匀称|苗条|高挑)|体型匀称|体态匀称|胖瘦适中|不胖|偏瘦`,
      ],
      exceptions: [String.raw`身高不限|不限身高|不限(?:身高|学历|形象)[、,]?`],
      examples: ['身高170cm以上', '身高1.60以上', '面容姣好', '长相甜美', '个子高挑'],
      mustNotTrigger: ['身高不限'],
    },
    {
      code: 'P3',
      category: { zh: '与岗位无关的个人特征', en: 'irrelevant personal traits' },
      verdict: 'REVIEW',
      basis: '《中华人民共和国就业促进法》第三条、第二十六条；《人力资源市场暂行条例》第二十四条',
      reason: {
        zh: '星座、血型、属相等与岗位无关的条件构成不合理的就业限制，交专员复核。',
        en: 'Star sign, blood type, zodiac animal and similar traits are unrelated to any job; held for an officer.',
      },
      patterns: [
        String.raw`星座|血型|属相|生肖|属(?:鼠|牛|虎|兔|龙|蛇|马|羊|猴|鸡|狗|猪)(?:的)?(?:勿扰|优先|不要|免谈)`,
      ],
      exceptions: [String.raw`血型(?:鉴定|检测|检验|分析|配型)|(?:鉴定|检测|检验)血型`],
      examples: ['星座', '血型', '属相'],
    },
    {
      code: 'F1',
      category: { zh: '向求职者收取费用', en: 'fees charged to seekers' },
      verdict: 'BLOCK',
      employerAction: 'flag',
      basis: '《中华人民共和国劳动合同法》第九条；《就业服务与就业管理规定》第十四条第（三）项；《中华人民共和国就业促进法》第四十一条',
      reason: {
        zh: '用人单位招用劳动者不得要求劳动者提供担保或者以其他名义向劳动者收取财物。',
        en: 'Employers may not demand deposits, guarantees or any other fees from job seekers.',
      },
      trigger: '[金费交缴付]',
      patterns: [
        String.raw`岗位稳定金|稳定金|押金|保证金|报名费|服装费|工服费|工装费|培训费|资料费|介绍费|中介费|入职费|建档费|工牌费|面试费|会员费|入会费|会费|激活费|模卡费|保密费|材料费`,
        String.raw`自备体检费|体检费\d+元(?:自理|自付)`,
        String.raw`体检费用?(?:需|须|由|均由)?(?:求职者|应聘者|个人|本人|员工|自己|自行)(?:承担|自理|负担|支付|缴纳|自付|先行垫付|垫付|出)`,
        String.raw`体检费用?(?:自理|自付|自负)|自费体检|体检自费|体检(?:费用)?自理|(?:自行|个人|本人)(?:承担|负担|支付)体检费用?`,
        String.raw`(?:收取?|缴纳|交纳|预交|先交)(?:\d+元)?(?:的)?体检费`,
        String.raw`(?:入职|上岗|面试|报名)(?:前)?(?:需|须|要)?(?:先)?(?:交|缴纳?|交纳|支付)\d+元`,
      ],
      exceptions: [
        String.raw`${FEE_NEGATION}(?:收取?|收任何|需要?|须|用|交纳?|缴纳?|需交纳?|需缴纳?|需支付|支付|存在|产生)?(?:任何|一切)?(?:费用)?${FEES}(?:[、,和及与或]+(?:${FEES}|费用))*`,
        String.raw`${FEES}(?:由|均由|全部由|全由)?${PAYER}(?:全额|全部)?(?:承担|负担|支付|报销|补贴|出|买单)`,
        String.raw`${PAYER}(?:全额|全部)?(?:承担|负担|支付|报销|补贴|出资|出)(?:全部)?${FEES}`,
        String.raw`${FEES}(?:全免|全部免除|可报销|全额报销|报销)|(?:报销|补贴|补助)(?:往返)?${FEES}`,
        String.raw`(?:客人|顾客|住客|租客|客户|房客|宾客|房费|租金|车辆|设备|租车|房屋|业主)(?:的|和|及)?押金`,
        String.raw`(?:投标|履约|质量|工程|租赁)保证金|保证金融`,
        // The employer's own spending: 每年投入大量的培训费用.
        String.raw`(?:投入|出资|花费|花|提供)(?:大量|巨额|专项|丰厚)?(?:的)?${FEES}`,
      ],
      negatable: true,
      pinyinPhrases: ['押金', '保证金', '报名费', '培训费', '介绍费'],
      examples: ['押金', '保证金', '报名费', '服装费', '体检费由求职者承担', '培训费', '资料费', '岗位稳定金', '介绍费'],
      mustNotTrigger: ['公司承担体检费用', '免费培训'],
    },
    {
      code: 'F2',
      category: { zh: '扣押证件', en: 'holding documents' },
      verdict: 'BLOCK',
      employerAction: 'flag',
      basis: '《中华人民共和国劳动合同法》第九条、第八十四条；《就业服务与就业管理规定》第十四条第（二）项',
      reason: {
        zh: '用人单位不得扣押劳动者的居民身份证和其他证件。',
        en: "Employers may not hold workers' identity cards or other documents.",
      },
      trigger: '[证照本簿卡]',
      patterns: [
        String.raw`扣押(?:员工|个人|劳动者)?(?:的)?${DOCUMENTS}|扣(?:留|下)(?:员工|个人)?(?:的)?${DOCUMENTS}|押证`,
        String.raw`${DOCUMENTS}(?:原件)?(?:需|须|要|必须|统一|一律|需要|均)?(?:交给|交由|上交|交|由|放|存|留|押|抵押)(?:在|到|于|给)?${HOLDER}(?:部门|处)?(?:统一)?(?:保管|代管|留存|存放|收存|保存|扣押|扣留|保留|收管)`,
        String.raw`${DOCUMENTS}(?:原件)?(?:押在|留在|扣在|放在|存在|押给|抵押在|抵押给)${HOLDER}`,
        String.raw`${HOLDER}(?:统一)?(?:保管|代管|扣押|扣留|收走|留存|收管|暂扣|暂管)(?:员工|个人)?(?:的)?${DOCUMENTS}`,
        String.raw`(?<![提递抵])(?:上交|交出|交|押)${DOCUMENTS}原件`,
      ],
      exceptions: [
        String.raw`(?:出示|查验|核验|核对|验看|提供|携带|带上?)${DOCUMENTS}(?:原件)?(?:及|和|与)?(?:复印件)?`,
        String.raw`入职时出示身份证原件|抵押证`,
        String.raw`(?:不|不会|绝不|严禁|禁止|不得|从不|无)(?:扣押|扣留|暂扣|押)(?:员工|任何|个人)?(?:的)?${DOCUMENTS}`,
        String.raw`${DOCUMENTS}(?:原件)?(?:当场|当面|核对后|验后|查验后)(?:归还|返还|退还)`,
      ],
      negatable: true,
      pinyinPhrases: ['扣押身份证'],
      examples: ['扣押身份证', '身份证原件交公司保管', '押证'],
      mustNotTrigger: ['入职时出示身份证原件'],
    },
    {
      code: 'F3',
      category: { zh: '培训贷、以培训为名收费', en: 'training loans' },
      verdict: 'BLOCK',
      basis: '人社厅发〔2025〕60号',
      reason: {
        zh: '以招聘为名诱导求职者参加收费培训、办理培训贷款或从工资中扣除培训费属于招聘欺诈。',
        en: 'Luring seekers into paid training, training loans or wage deductions for training is recruitment fraud.',
      },
      trigger: '[培贷学训分借]',
      patterns: [
        String.raw`先(?:参加)?(?:培训|学习)(?:再|后)(?:上岗|入职|安排工作|工作|分配工作)`,
        String.raw`培训贷(?:款)?|贷款(?:参加)?(?:培训|学习)|(?:学费|培训费用?)(?:可)?(?:分期|贷款|月供)|分期(?:付款|支付)?(?:学费|培训费用?)|学费分期`,
        String.raw`(?:培训费用?|学费)(?:从|在)(?:工资|薪资|薪水|收入)(?:里|中)?(?:扣|扣除|抵扣|扣还)|(?:工资|薪资|薪水)(?:中|里)?(?:扣除|抵扣|扣还|扣)(?:培训费用?|学费)|以(?:工资|薪资)(?:抵扣|抵|偿还)(?:学费|培训费用?)`,
        String.raw`(?:签订|办理|签|办)(?:培训)?(?:贷款|分期|借款)(?:协议|合同|手续)`,
      ],
      exceptions: [String.raw`公司出资的免费岗前培训|(?:公司|单位|企业)?(?:出资|免费)(?:的)?(?:岗前)?培训`],
      negatable: true,
      pinyinPhrases: ['培训贷', '先培训后上岗'],
      examples: ['先培训后上岗', '培训贷', '分期学费', '培训费从工资扣'],
      mustNotTrigger: ['公司出资的免费岗前培训'],
    },
    {
      code: 'F4',
      category: { zh: '保录取、付费内推', en: 'guaranteed placement, paid referral' },
      verdict: 'BLOCK',
      basis: '《人力资源市场暂行条例》第二十四条（招聘信息应当真实、合法）；《就业服务与就业管理规定》第十四条第（一）、（六）项；人社厅发〔2025〕60号',
      reason: {
        zh: '承诺保录、包过、包入编或出售内部名额、付费内推属于招聘欺诈。',
        en: 'Promising guaranteed hiring or selling internal quotas or paid referrals is recruitment fraud.',
      },
      patterns: [
        String.raw`保录(?:取|用)?|包过|包入编|包编制|保入编|包进编|内部名额|付费内推|有偿内推|内推费|内推收费`,
        String.raw`(?:保证|确保|百分百|100%)(?:录用|录取|入职|上岗|入编)`,
        String.raw`花钱(?:买|办)?(?:编制|入职|进厂|上岗)|买编制|(?:交钱|缴费|付费)(?:即可)?(?:入职|上岗|入编|进编)`,
        String.raw`包进编(?:制)?|上岸不是梦|通过率\s*100%|100%保障|保证?(?:拿到)?offer|(?:没|不)拿(?:到)?offer不(?:收钱|收费)|offer[^,;。]{0,8}\d{3,}\s*元?`,
        String.raw`(?:推荐|介绍)(?:一|1)人(?:奖励|返|得)\d*|拉人头|发展下线`,
      ],
      exceptions: [String.raw`包过(?:年|节|夜|户)`],
      pinyinPhrases: ['包入编', '内部名额', '付费内推', '保录取'],
      examples: ['保录', '包过', '包入编', '内部名额', '付费内推'],
    },
    {
      code: 'F5',
      category: { zh: '出租出借银行卡电话卡、刷单', en: 'renting bank or phone cards, click farming' },
      verdict: 'BLOCK',
      employerAction: 'suspend',
      basis: '《中华人民共和国反电信网络诈骗法》第三十一条',
      reason: {
        zh: '非法买卖、出租、出借电话卡、银行账户，或以刷单、垫付为名招聘，涉嫌电信网络诈骗。',
        en: 'Buying, renting or lending bank or phone cards, and click-farming or advance-payment "jobs", are telecom-fraud schemes.',
      },
      patterns: [
        String.raw`(?:出租|出借|出售|租用|租借|收购|回收|高价收|买卖|借用)(?:个人|闲置|自己)?(?:的)?(?:银行卡|信用卡|储蓄卡|手机卡|电话卡|sim卡|电话号码?|手机号|对公账户|公户|u盾|网银|支付宝(?:账号|账户)?|微信(?:账号|号)|账户|身份证|营业执照)`,
        String.raw`刷单|刷信誉|刷好评|刷销量|刷流量|跑分|点赞兼职|兼职点赞|做任务返(?:佣|现)|洗钱|帮忙转账`,
        String.raw`兼职垫付|垫付(?:货款|资金|本金|款项|订单)|(?:先|需|需要|须)(?:自行)?垫付`,
        // Card renting: 收银行卡, 租出去月结500, 卡里不得少于300元.
        String.raw`收(?:购)?(?:银行卡|手机卡|电话卡|对公账户)|(?:银行卡|手机卡|电话卡|卡)(?:出租|外借|租出去|借出去)|租出去月结|卡(?:里|内)(?:面)?(?:不得少于|不少于|需存|要存|要有)\d+元`,
        // Brushing: 淘宝号无黑号, 指定店铺购物并好评, 好评返现.
        String.raw`(?:淘宝|京东|拼多多)号(?:无黑号|无风控)|淘宝信誉|(?:指定|店铺)[^,;。]{0,10}购物[^,;。]{0,10}好评|好评返(?:现|款|佣)|购物款加\d+%|刷(?:钻|信誉|单)返(?:现|佣|利)|高额返现|返现任务`,
      ],
      exceptions: [
        String.raw`工资卡由员工本人办理`,
        String.raw`(?:识别|打击|防范|反|监控|排查|治理|杜绝|严禁)(?:虚假)?刷单|反洗钱`,
        String.raw`(?:性能|硬件|手机|安兔兔|geekbench)跑分|跑分(?:测试|软件|成绩|工具)`,
        String.raw`(?:公司|单位|企业|我司)(?:先行?|可|负责|统一)?垫付|(?:无需|不需要?|不用|无须|不|不得|禁止)(?:员工|个人)?(?:先)?(?:自行)?垫付`,
      ],
      negatable: true,
      pinyinPhrases: ['刷单', '跑分', '出租银行卡', '收购手机卡', '兼职垫付'],
      examples: ['出租银行卡', '收购手机卡', '刷单', '跑分', '兼职垫付'],
      mustNotTrigger: ['工资卡由员工本人办理'],
    },
    {
      code: 'F6',
      category: { zh: '境外高薪招聘', en: 'overseas high pay' },
      verdict: 'REVIEW',
      basis: '《对外劳务合作管理条例》第五条（对外劳务合作须经许可）；《中华人民共和国出境入境管理法》；《人力资源市场暂行条例》第二十四条',
      reason: {
        zh: '以境外高薪为诱饵的招聘存在偷渡、电诈风险，须核验对外劳务合作经营资格。',
        en: 'Overseas high-pay offers carry trafficking and fraud risk; the labour-export licence must be checked.',
      },
      patterns: [
        String.raw`(?:海外|境外|国外|出国|出境)(?:务工|劳务|工作|打工)?(?:月薪|年薪|月入)?(?:高薪|高收入|高工资)`,
        String.raw`${HIGH_RISK_ABROAD}.{0,20}${PAY_WORDS}|${PAY_WORDS}.{0,20}${HIGH_RISK_ABROAD}`,
        String.raw`(?:泰国|菲律宾|越南|马来西亚)(?:务工|工作|上班).{0,20}${PAY_WORDS}`,
        String.raw`包机票`,
        String.raw`移民担保|帮助申请移民|(?:登机前|出国前|出境前)[^,;。]{0,8}(?:付清|缴纳|交清|支付)|出国(?:劳务)?(?:总)?费用|总费用[:：]?\s*\d`,
      ],
      pinyinPhrases: ['海外高薪'],
      examples: ['海外高薪', '出国务工，缅甸，高薪', '包机票'],
    },
    {
      code: 'F7',
      category: { zh: '引导站外联系', en: 'off-platform diversion' },
      verdict: 'WARN',
      basis: '人社厅发〔2025〕60号',
      reason: {
        zh: '引导求职者添加微信、QQ群等站外联系方式，脱离平台监管，存在诈骗风险。',
        en: 'Moving seekers to WeChat, QQ groups or other channels off the platform escapes oversight and is a fraud risk.',
      },
      patterns: [
        String.raw`加(?:我|一下)?(?:的)?(?:微信|薇信|威信|v信|wx|vx|v(?![a-z])|qq|扣扣|企鹅|好友|tg(?![a-z])|telegram|群聊|群)`,
        String.raw`(?:微信|vx|wx|v信|qq|扣扣)(?:号)?:?\s*[a-z0-9_-]{5,}|微信号`,
        String.raw`qq群|扣扣群|(?:进|入|加入|拉你进)(?:微信)?群|(?<![a-z])(?:vx|wx)(?![a-z])|telegram|电报群|(?<![a-z])tg(?![a-z])|whatsapp`,
        String.raw`扫(?:描)?(?:码|二维码)`,
        String.raw`\d{5,}\s*\(?微信|微信同号|同微信|\(微信\)|(?<![a-z])v信|添加(?:客服)?微信|微信报名|(?:联系|咨询|报名)[^,;。]{0,8}微信|微信[:：]`,
      ],
      exceptions: [
        String.raw`扫(?:描)?(?:码|二维码)(?:枪|器|设备|入库|出库|点餐|支付|收款|盘点|核销|签收|登记|打卡|测温|验票|核验)|(?:使用|操作|熟悉)扫(?:描)?(?:码|二维码)`,
      ],
      pinyinPhrases: ['加微信'],
      modifiers: [
        {
          when: { kind: 'priorF7Count', atLeast: 1 },
          verdict: 'REVIEW',
          note: '该单位此前已有引导站外联系的记录，交专员复核。 / Repeat off-platform diversion by this employer: held for an officer.',
        },
      ],
      examples: ['加微信', '加V', 'QQ群', '扫码', 'telegram'],
    },
    {
      code: 'F8',
      category: { zh: '不实高薪宣传', en: 'unrealistic pay hype' },
      verdict: 'WARN',
      basis: '人社厅发〔2025〕60号',
      reason: {
        zh: '夸大薪酬、"躺赚"类宣传常见于招聘欺诈，须说明薪酬依据后方可发布。',
        en: 'Pay hype such as "earn 10k a month lying down" is typical of recruitment fraud; publishable once the pay is justified.',
      },
      patterns: [
        String.raw`月入(?:过万|上万|万元|\d{5,}|几万)|月赚(?:过万|上万|万元|\d{5,}|几万)|日赚(?:\d{3,}|过千|上千|千元|几百)|日入(?:\d{3,}|过千|上千)`,
        String.raw`轻松(?:自由)?(?:高薪|月入|赚钱|过万|年入)|高薪轻松|(?:在家|宅家)(?:轻松)?(?:赚钱|月入)|(?:一天|1天|每天|日)收入\d{3,}`,
      ],
      pinyinPhrases: ['月入过万', '轻松高薪'],
      modifiers: [
        {
          when: { kind: 'wageAboveRegionNorm', ratio: 2 },
          verdict: 'REVIEW',
          note: '薪酬达到本地区该职业常见水平的两倍以上，交专员复核。 / Pay at least twice the region norm for the occupation: held for an officer.',
        },
      ],
      examples: ['月入过万', '轻松高薪'],
    },
    {
      code: 'F9',
      category: { zh: '打字、点赞、转发等任务类兼职骗局', en: 'typing, click and task scams' },
      verdict: 'REVIEW',
      basis: '《人力资源市场暂行条例》第二十四条（招聘信息应当真实、合法）；《就业服务与就业管理规定》第十四条第（一）、（六）项；《中华人民共和国反电信网络诈骗法》',
      reason: {
        zh: '"在家打字日结""手机就能做""按条结算"等任务类兼职是常见的诈骗引流手法，交专员复核。',
        en: 'Typing, phone-only and per-post task "jobs" are a common fraud lure; held for an officer.',
      },
      patterns: [
        // Normalised text: 一千字 → 1000字, and a slash between characters is dropped (元/千字 → 元千字).
        String.raw`打字员?[^;。]{0,14}(?:在家|日结|兼职|千字)|兼职打字|\d+\s*元\s*/?\s*(?:千字|1000字)|(?:1000|1千)字(?:至|到)?(?:\d+字)?(?:是)?\d+元|每打\d+万?字`,
        String.raw`在家(?:就可以|即可)?办公[^;。]{0,12}(?:日结|一单一结|结算)|按条结算|转发[^,;。]{0,10}(?:结算|佣金|\d+元)`,
        String.raw`(?:只要|只需)?有手机就(?:可以|能)?(?:操作|赚钱|做)|每天(?:抽出)?几分钟|每天花点(?:精力|时间)就|(?:手机|微信|网络)兼职[^,;。]{0,8}\d+\s*(?:元)?\s*/?\s*(?:小时|天|时)`,
        String.raw`时间不限[^。;]{0,6}适合(?:全职)?(?:宝妈|妈妈|学生|上班族)|适合全职(?:宝妈|妈妈)`,
        String.raw`(?:试衣|网拍|淘宝)模特[^。;]{0,12}(?:日结|\d+\s*元\s*/?\s*小时)`,
      ],
      negatable: true,
      examples: ['招聘打字员，在家办公，日结薪水', '微信公众号转发，按条结算', '只要有手机就可以操作'],
    },
    {
      code: 'F10',
      category: { zh: '套取身份信息、实名认证', en: 'identity harvesting' },
      verdict: 'REVIEW',
      basis: '《中华人民共和国反电信网络诈骗法》第三十一条；《中华人民共和国个人信息保护法》第十三条；《就业服务与就业管理规定》第十四条第（六）项',
      reason: {
        zh: '以兼职为名让求职者实名认证、注册账户或提交证件复印件，常用于买卖账户和电信诈骗，交专员复核。',
        en: 'Asking seekers to verify accounts in their name, register apps or send ID copies under cover of a job is used for account trading and fraud; held for an officer.',
      },
      patterns: [
        String.raw`实名认证[^,;。]{0,8}(?:交单|立结|日结|奖励|佣金|结算)|(?:按照?|根据)客服要求[^,;。]{0,6}实名认证`,
        String.raw`(?:app|软件|平台|账号)注册[^。;]{0,16}奖励\d*|提供[^,;。]{0,8}身份证(?:复印件|照片|正反面)[^,;。]{0,10}兼职|身份证[^;。]{0,12}仅供兼职`,
      ],
      negatable: true,
      examples: ['按照客服要求进行实名认证，认证完后交单，完成立结'],
    },
    {
      code: 'F11',
      category: { zh: '暴富式高薪宣传', en: 'get-rich-quick pay' },
      verdict: 'REVIEW',
      basis: '《人力资源市场暂行条例》第二十四条（招聘信息应当真实）；《就业服务与就业管理规定》第十四条第（一）项；人社厅发〔2025〕60号',
      reason: {
        zh: '"躺赚""足不出户日赚千元""低门槛高收入"等宣传与普通岗位的实际薪酬严重不符，常见于招聘诈骗，交专员复核。',
        en: 'Promises such as "earn lying down" or "a thousand a day from home" are far above any ordinary job and typical of fraud; held for an officer.',
      },
      patterns: [
        String.raw`躺赚|躺着(?:也能)?赚钱?|稳赚不赔|无本买卖|足不出户|动动手指(?:就能)?赚钱?|一部手机(?:就能|即可|轻松)?赚钱|年入百万|三天赚几千`,
        String.raw`日赚(?:\d{3,}|过千|上千|千元)|日入(?:\d{4,}|过千|上千)|日结\d{4,}|时薪\d{3,}|月薪轻松\d|月薪万元可兼职`,
        String.raw`(?:轻轻松松|轻松|非常容易|很容易)月入(?:过万|上万|\d+万)|月入(?:过万|上万)(?:非常|很)?容易|低门槛[,、]?高(?:收入|薪|回报)|零门槛(?:高薪|月入)|高薪回报`,
        String.raw`(?:高薪|高收入)[^,;。]{0,6}(?:微信|手机)兼职|(?:微信|手机)兼职[^,;。]{0,4}(?:高薪|\d{3,}\s*/?\s*小时)`,
      ],
      modifiers: [
        {
          when: { kind: 'wageAboveRegionNorm', ratio: 2 },
          verdict: 'BLOCK',
          note: '宣传暴富且薪酬达到本地区该职业常见水平的两倍以上。 / Get-rich-quick wording with pay at least twice the region norm.',
        },
      ],
      pinyinPhrases: ['躺赚', '稳赚不赔'],
      examples: ['躺赚', '足不出户日赚千元', '低门槛、高收入', '月薪轻松4-20万'],
    },
    {
      code: 'F12',
      category: { zh: '虚假大规模招聘', en: 'fake mass hiring' },
      verdict: 'REVIEW',
      basis: '《人力资源市场暂行条例》第二十四条（招聘人数等信息应当真实）；《就业服务与就业管理规定》第十四条第（一）项',
      reason: {
        zh: '数万个岗位、"编制岗"等大规模招聘宣传或招聘人数远超单位规模，多为虚假招聘，交专员复核。',
        en: 'Tens of thousands of places, "permanent posts" for all comers, or a headcount far beyond the employer\'s size are usually fake; held for an officer.',
      },
      patterns: [
        String.raw`(?:扩招|招聘|急招|招)\d+万(?:名|人|个)?|\d+万个?(?:编制|岗位|名额)(?:岗)?|编制岗[^,;。]{0,4}\d+万`,
      ],
      examples: ['中国邮政3万个编制岗', '华润集团扩招3万大学生'],
    },
    {
      code: 'C1',
      category: { zh: '劳动者自担的食宿等费用（合法，须如实告知）', en: 'costs the worker bears (lawful if disclosed)' },
      verdict: 'WARN',
      basis: '《中华人民共和国劳动合同法》第八条（如实告知劳动条件）、第九条（不得收取财物）',
      reason: {
        zh: '食宿、水电等由劳动者自担的费用属于劳动条件，须如实写明并写入劳动合同；不得作为录用条件向求职者收取。',
        en: 'Board, lodging or utilities the worker pays are working conditions: lawful when disclosed and agreed, never a fee for being hired.',
      },
      patterns: [
        String.raw`(?:住宿|水电|伙食|餐|床位|车|卫生|水、电、卫生)费(?:用)?(?:需|须|由)?(?:员工|个人|自己)?(?:自理|自付|自担|平摊|自负|承担|扣除|先吃后扣)|费用自担|水电平摊`,
      ],
      examples: ['水电平摊', '住宿费自理'],
    },
    {
      code: 'M2',
      category: { zh: '工资低于当地最低工资标准', en: 'pay under the local minimum wage' },
      verdict: 'REVIEW',
      basis: '《最低工资规定》（劳动和社会保障部令第21号）',
      reason: {
        zh: '月工资低于所在县（市、区）月最低工资标准，交专员复核。',
        en: "Monthly pay is below the county's monthly minimum wage; held for review.",
      },
      patterns: [],
      examples: [],
    },
  ],
};
