import { Role } from '../role';

/**
 * The privacy policy and terms of use people agree to (PIPL art. 13–17: consent must be informed, and asked again
 * when the purposes or the handling change). Change the text, then raise TERMS_VERSION: every account of a role in
 * TERMS_ROLES whose stored version differs is asked to agree again after its next sign-in (the console shows the
 * text and records the answer; `POST /api/auth/terms/consent`). Staff accounts are bound by their employment and
 * are not asked.
 */
export const TERMS_VERSION = '2026-12-07';
export const TERMS_ROLES: readonly Role[] = ['seeker', 'employer'];

export const termsRequired = (role: Role, acceptedVersion: string | null): boolean => TERMS_ROLES.includes(role) && acceptedVersion !== TERMS_VERSION;

type Text = { 'zh-CN': string; en: string };

export const PRIVACY_POLICY: Text = {
  'zh-CN': [
    '海南公共就业服务平台隐私政策',
    '一、我们收集的信息：姓名、居民身份证号码、手机号码、住址与求职意向、技能、证书、教育和工作经历；重点群体身份仅在您提供并单独同意后用于匹配。',
    '二、使用目的：为您推荐岗位和培训、办理招聘活动报名与签到、联系您处理投递；统计数据仅以汇总形式使用。',
    '三、保护措施：身份证号码和手机号码加密存储，对用人单位和工作人员按角色打码显示；所有访问和修改均记录审计日志。',
    '四、共享：仅在您投递岗位或同意分享联系方式时，向相应用人单位提供必要信息；不向任何第三方出售个人信息。',
    '五、您的权利：您可以查看、更正、导出（JSON 与 Excel）您的数据，撤回敏感信息使用同意，并可随时注销账号。注销后，您的账号、简历、投递记录和验证码记录即被删除；依法须留存的审计日志保留不少于 180 天，其中不含您的身份证号码和手机号码。',
    '六、政策变更：本政策内容变更时，我们会在您下次登录时请您重新阅读并确认。',
  ].join('\n'),
  en: [
    'Privacy policy of the Hainan public employment service platform',
    '1. What we collect: your name, resident ID number, mobile number, address and job wishes, skills, certificates, education and work history; priority-group membership is used for matching only with your separate consent.',
    '2. Why: to recommend jobs and training, to register you for recruitment events and check you in, and to handle your applications; figures are only used in aggregate.',
    '3. Protection: ID and mobile numbers are stored encrypted and shown masked to employers and staff according to their role; every access and change is written to an audit log.',
    '4. Sharing: an employer receives what it needs only when you apply to its job or agree to share your contact; personal data is never sold to anyone.',
    '5. Your rights: you can see, correct and export (JSON and Excel) your data, withdraw your consent to the use of sensitive data, and delete your account at any time. Deleting it removes your account, profile, applications and code records at once; the audit log, which the law requires us to keep for at least 180 days, stays, without your ID or mobile number.',
    '6. Changes: when this policy changes, we ask you to read and agree to it again at your next sign-in.',
  ].join('\n'),
};

export const TERMS_OF_USE: Text = {
  'zh-CN': [
    '海南公共就业服务平台用户服务协议',
    '一、请如实填写个人信息，妥善保管密码和短信验证码，不得将账号转借他人。',
    '二、平台提供的岗位信息经过审核，但请您在面试和签约时核实用人单位信息；求职过程中任何收费要求均应警惕并向平台举报。',
    '三、不得利用平台发布虚假、歧视性或违法信息。',
    '四、平台服务免费。',
  ].join('\n'),
  en: [
    'Terms of use of the Hainan public employment service platform',
    '1. Give true personal information, keep your password and SMS codes to yourself, and do not lend your account to anyone.',
    '2. Job postings are screened, but check the employer at interviews and before signing; be wary of, and report, any request for a fee.',
    '3. Do not post false, discriminatory or unlawful information.',
    '4. The service is free of charge.',
  ].join('\n'),
};
