/** User-facing messages by code, in the product's languages. `{name}` placeholders take the error's params. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES = {
  BAD_REQUEST: { 'zh-CN': '请求有误', en: 'The request is invalid' },
  VALIDATION_FAILED: { 'zh-CN': '提交的数据有误，请按提示修改', en: 'Some fields are invalid; see details' },
  MALFORMED_BODY: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的请求内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  BODY_TOO_DEEP: { 'zh-CN': '请求内容嵌套层级过深（最多 {max} 层）', en: 'The request body is nested too deeply (at most {max} levels)' },
  INVALID_CHARACTERS: { 'zh-CN': '请求中含有不允许的空字符（NUL）', en: 'The request contains a NUL character, which is not allowed' },
  MALFORMED_URL: { 'zh-CN': '请求地址格式不正确', en: 'The request URL is malformed' },
  HEADERS_TOO_LARGE: { 'zh-CN': '请求头过大', en: 'The request headers are too large' },
  REQUEST_TIMEOUT: { 'zh-CN': '请求超时', en: 'The request timed out' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  TOKEN_INVALID: { 'zh-CN': '登录已失效，请重新登录', en: 'Your session is invalid or has expired; please sign in again' },
  LOGIN_FAILED: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已锁定，请在 {minutes} 分钟后重试',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  },
  CODE_INVALID: { 'zh-CN': '验证码错误或已失效，请重新获取', en: 'The code is wrong, used or expired; ask for a new one' },
  CODE_TOO_SOON: { 'zh-CN': '验证码发送过于频繁，请 {seconds} 秒后再试', en: 'A code was just sent; try again in {seconds} seconds' },
  CODE_LIMIT: { 'zh-CN': '该号码 1 小时内获取验证码次数过多，请稍后再试', en: 'Too many codes for this number in the last hour; try again later' },
  CURRENT_PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_UNCHANGED: { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  TERMS_VERSION_OUTDATED: {
    'zh-CN': '隐私政策和用户协议已更新（当前版本 {version}），请阅读最新版本后再同意',
    en: 'The privacy policy and terms have changed (current version {version}); read the new version and agree to it',
  },
  ACCOUNT_DISABLED: { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  CANNOT_DISABLE_SELF: { 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  TOO_MANY_REQUESTS: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  FORBIDDEN: { 'zh-CN': '您的角色无权执行此操作', en: 'Your role may not do this' },
  ROUTE_UNDECLARED: { 'zh-CN': '该接口未声明访问权限，已拒绝', en: 'This route declares no access rule and is denied' },
  // Never echo what was sent: a phone or ID number typed into a path would come back in the error body.
  INVALID_ID: { 'zh-CN': '路径中的编号格式不正确，应为 UUID', en: 'The id in the path is not a valid UUID' },
  NOT_FOUND: { 'zh-CN': '记录不存在或无权访问', en: 'Not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', en: 'No such route' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', en: 'Conflicts with existing data' },
  USERNAME_TAKEN: { 'zh-CN': '该用户名已被使用', en: 'This username is already taken' },
  INVALID_CODE: { 'zh-CN': '{message}', en: '{messageEn}' },
  EMPLOYER_ABNORMAL: {
    'zh-CN': '该单位已列入异常名录，不能发布招聘信息',
    en: 'This employer is on the abnormal-entity list and may not post',
  },
  CREDIT_CODE_TAKEN: { 'zh-CN': '统一社会信用代码“{creditCode}”已登记', en: 'Credit code {creditCode} is already registered' },
  CREDIT_CODE_ABNORMAL: {
    'zh-CN': '统一社会信用代码“{creditCode}”所属单位已列入异常名录，不能重新登记',
    en: 'Credit code {creditCode} belongs to an employer on the abnormal-entity list and cannot register again',
  },
  TRANSITION_NOT_ALLOWED: {
    'zh-CN': '缺工需求当前状态为“{from}”，不能执行此操作（目标状态“{to}”）',
    en: 'The shortage is "{from}"; it cannot move to "{to}"',
  },
  SHORTAGE_NOT_EDITABLE: { 'zh-CN': '缺工需求状态为“{status}”，不能修改', en: 'The shortage is "{status}" and cannot be edited' },
  JUSTIFICATION_REQUIRED: {
    'zh-CN': '招聘信息有需要说明的内容（{rules}），请填写说明后再发布',
    en: 'The posting has findings that need a justification ({rules}); give one to publish',
  },
  HEADCOUNT_BELOW_FILLED: { 'zh-CN': '招聘人数不能少于已录用的 {filled} 人', en: 'Headcount cannot be below the {filled} already hired' },
  REGION_OUT_OF_SCOPE: {
    'zh-CN': '您只能管理本辖区（{scopeRegion}）内的账号和记录，不能设为“{region}”',
    en: 'You may manage accounts and records in your region ({scopeRegion}) only, not "{region}"',
  },
  PROVINCE_ADMIN_ONLY: { 'zh-CN': '该操作涉及全省，仅限省级管理员执行', en: 'This action covers the whole province; only a province administrator may do it' },
  SHORTAGE_FILLED: {
    'zh-CN': '该岗位招聘人数已满（已录用 {filled}/{headcount} 人），不能再录用',
    en: 'All positions are filled ({filled} of {headcount} hired); no further hire can be recorded',
  },
  NOT_AWAITING_REVIEW: { 'zh-CN': '该缺工需求不在待审核状态', en: 'The shortage is not waiting for review' },
  REVIEWER_IS_CREATOR: { 'zh-CN': '不能审核自己登记的招聘信息，请由其他审核人员处理', en: 'You cannot review a posting you logged yourself: another reviewer decides it' },
  NOT_PAIRED: { 'zh-CN': '您未与该企业结对，不能为其登记缺工需求', en: 'You are not paired with this employer' },
  PAIRING_EXISTS: { 'zh-CN': '该专员已与该企业结对', en: 'This officer is already paired with this employer' },
  NOT_AN_OFFICER: { 'zh-CN': '用户“{userId}”不是就业服务专员', en: 'User {userId} is not a service officer' },
  SEEKER_ALREADY_REGISTERED: { 'zh-CN': '该身份证号码已登记过求职信息', en: 'A seeker with this ID number is already registered' },
  SHORTAGE_NOT_OPEN: { 'zh-CN': '该岗位当前不接受投递', en: 'This job is not open for applications' },
  APPLICATION_MOVE_NOT_ALLOWED: {
    'zh-CN': '投递状态为“{from}”，您不能将其改为“{to}”',
    en: 'The application is "{from}"; you cannot move it to "{to}"',
  },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂时不可用，请稍后再试', en: 'The service is temporarily unavailable' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请联系管理员', en: 'Internal error; please contact the administrator' },
  IMPORT_FILE_MISSING: {
    'zh-CN': '请以 multipart/form-data 方式上传 .xlsx 文件，字段名为 file',
    en: 'Upload one .xlsx file as multipart/form-data in the field "file"',
  },
  IMPORT_NOT_XLSX: {
    'zh-CN': '只支持 .xlsx 格式的 Excel 文件，请用平台模板填写后另存为 .xlsx（不支持 .xls、.csv）',
    en: 'Only .xlsx workbooks are accepted (not .xls or .csv); fill in the platform template',
  },
  IMPORT_FILE_TOO_LARGE: { 'zh-CN': '文件不能超过 {limitMb} MB，请拆分后再导入', en: 'The file exceeds {limitMb} MB; split it and import the parts' },
  IMPORT_UNREADABLE: {
    'zh-CN': '无法读取该文件，请使用平台提供的模板并另存为 .xlsx 后再上传',
    en: 'The file cannot be read; use the platform template saved as .xlsx',
  },
  IMPORT_COLUMNS_MISSING: {
    'zh-CN': '工作表缺少必需的列：{columns}。请使用平台提供的导入模板，不要修改表头',
    en: 'Required columns are missing: {columns}. Use the platform template and keep its header row',
  },
  IMPORT_WORKBOOK_TOO_BIG: {
    'zh-CN': '该 Excel 文件解压后过大或结构异常（{reason}），请使用平台模板并拆分后再导入',
    en: 'The workbook is too large once unpacked or malformed ({reason}); use the platform template and split it',
  },
  IMPORT_UPLOAD_INCOMPLETE: {
    'zh-CN': '文件上传不完整（传输中断或文件被截断），请重新上传',
    en: 'The upload is incomplete (interrupted or truncated); upload the file again',
  },
  IMPORT_BUSY: { 'zh-CN': '正在处理其他导入，请稍后再试', en: 'Other imports are being processed; please try again shortly' },
  IMPORT_EMPTY: { 'zh-CN': '文件中没有数据行', en: 'The workbook has no data rows' },
  IMPORT_TOO_MANY_ROWS: {
    'zh-CN': '一次最多导入 {max} 行，该文件有 {rows} 行，请拆分后再导入',
    en: 'At most {max} rows per import; this file has {rows}. Split it and import the parts',
  },
  NOT_A_CANDIDATE: {
    'zh-CN': '该求职者不在此缺工需求的当前推荐名单中',
    en: 'This seeker is not on the current shortlist of this shortage',
  },
  NOT_RECOMMENDED: { 'zh-CN': '该岗位不在您当前的推荐中', en: 'This job is not among your current recommendations' },
  ALREADY_SENT: { 'zh-CN': '该候选人已推荐给用人单位，不能再忽略', en: 'This candidate was already sent to the employer and cannot be dismissed' },
  EVENT_TRANSITION_NOT_ALLOWED: {
    'zh-CN': '活动当前状态为“{fromZh}”，不能{actionZh}',
    en: 'The event is "{from}"; it cannot be {action}',
  },
  EVENT_NOT_EDITABLE: { 'zh-CN': '活动状态为“{statusZh}”，不能修改', en: 'The event is "{status}" and cannot be edited' },
  STATION_CLOSURE_INVALID: { 'zh-CN': '闭馆结束日期（{closedUntil}）须有开始日期且不早于开始日期（{closedFrom}）', en: 'A closure needs a start date, and its end ({closedUntil}) may not be before its start ({closedFrom})' },
  EVENT_DATE_CLASH: { 'zh-CN': '该驿站在 {date} 已有其他招聘活动，请换一天', en: 'The station already holds an event on {date}; choose another day' },
  EVENT_TIME_INVALID: { 'zh-CN': '结束时间（{end}）必须晚于开始时间（{start}）', en: 'The end time ({end}) must be after the start time ({start})' },
  EVENT_DATE_PAST: { 'zh-CN': '活动日期 {date} 已过去，请选择今天或以后的日期', en: 'The date {date} is in the past' },
  EVENT_CAPACITY_EXCEEDS_STATION: {
    'zh-CN': '活动人数 {capacity} 超过驿站可容纳人数 {stationCapacity}',
    en: 'Capacity {capacity} exceeds the station’s {stationCapacity} people at once',
  },
  EVENT_CAPACITY_BELOW_REGISTERED: {
    'zh-CN': '活动人数不能少于已报名的 {registered} 人',
    en: 'Capacity cannot be below the {registered} already registered',
  },
  EVENT_TOO_MANY_EMPLOYERS: {
    'zh-CN': '参会单位 {count} 家，超过驿站展位数 {booths} 个',
    en: '{count} employers exceed the station’s {booths} booths',
  },
  EVENT_MERGE_TOO_FEW: {
    'zh-CN': '请至少选择两场提议进行合并',
    en: 'Choose at least two proposals to merge',
  },
  EVENT_MERGE_NOT_PROPOSED: {
    'zh-CN': '“{title}”的状态为“{statusZh}”，只有待确认的提议可以合并',
    en: '"{title}" is {status}; only proposals can be merged',
  },
  EVENT_MERGE_OTHER_WEEK: {
    'zh-CN': '“{title}”（{date}）不在同一周，只能合并同一周（周一至周日）的提议',
    en: '"{title}" ({date}) is in another week; only proposals of one week (Monday to Sunday) can be merged',
  },
  EVENT_SHORTAGE_NOT_OF_EMPLOYER: {
    'zh-CN': '缺工需求“{shortageId}”不属于该参会单位或已不在招聘中',
    en: 'Shortage {shortageId} does not belong to this employer or is no longer open',
  },
  EVENT_NOT_INVITABLE: {
    'zh-CN': '活动状态为“{statusZh}”，只有已确认或已发布的活动可以发送邀请',
    en: 'The event is "{status}"; only accepted or published events can send invitations',
  },
  EVENT_REGISTRATION_CLOSED: {
    'zh-CN': '该活动尚未发布或已结束，暂不能报名',
    en: 'The event is not open for registration',
  },
  EVENT_FULL: { 'zh-CN': '活动名额已满（共 {capacity} 个名额），无法报名', en: 'The event is full ({capacity} places)' },
  EVENT_NOT_ONGOING: {
    'zh-CN': '活动状态为“{statusZh}”，不能签到或记录洽谈结果',
    en: 'The event is "{status}"; check-ins and outcomes are not possible',
  },
  INVITATION_INVALID: { 'zh-CN': '邀请链接无效，请使用短信或站内信中的原始链接', en: 'The invitation link is invalid' },
  INVITATION_EXPIRED: { 'zh-CN': '邀请已过期，无法再回复，请直接报名或联系驿站', en: 'The invitation has expired' },
  INVITATION_ANSWERED: {
    'zh-CN': '您已回复过该邀请（{statusZh}），无需重复操作',
    en: 'The invitation was already answered ({status})',
  },
  TICKET_INVALID: {
    'zh-CN': '入场凭证无效：二维码不是本平台签发或已被篡改，请出示平台发放的入场二维码',
    en: 'The ticket is invalid: it was not issued by the platform or was altered',
  },
  TICKET_EXPIRED: { 'zh-CN': '入场凭证已过期（有效期至 {expiredAt}），请在服务台现场登记', en: 'The ticket expired at {expiredAt}; register at the desk' },
  TICKET_WRONG_EVENT: { 'zh-CN': '该入场凭证不属于本场活动，请核对活动', en: 'The ticket is for another event' },
  ALREADY_CHECKED_IN: { 'zh-CN': '该参会人已于 {time} 签到，请勿重复签到', en: 'Already checked in at {time}' },
  ATTENDEE_NOT_FOUND: { 'zh-CN': '未找到该求职者在本场活动的报名记录，可作为现场求职者登记', en: 'No registration for this person at this event; register them as a walk-in' },
  ATTENDEE_NOT_ADMITTED: {
    'zh-CN': '该求职者的参会状态为“{statusZh}”，不能签到',
    en: 'The attendee is "{status}" and cannot check in',
  },
  CHECKIN_TARGET_REQUIRED: {
    'zh-CN': '请提供入场凭证（ticket）、参会编号（attendeeId）、手机号（phone）或现场求职者编号（seekerId）中的一项',
    en: 'Give one of ticket, attendeeId, phone or seekerId',
  },
  OUTCOME_NOT_ATTENDED: {
    'zh-CN': '该求职者未在本场活动签到，不能记录洽谈结果',
    en: 'This seeker has not checked in at this event',
  },
  OUTCOME_SHORTAGE_NOT_AT_EVENT: {
    'zh-CN': '该缺工需求不属于本场活动的参会单位',
    en: 'This shortage is not recruited for at this event',
  },
  OUTCOME_STAGE_BACKWARD: {
    'zh-CN': '已记录到“{currentZh}”，不能退回“{stageZh}”',
    en: 'Already at "{current}"; cannot go back to "{stage}"',
  },
  NOT_STATION_STAFF: { 'zh-CN': '用户“{userId}”不是驿站工作人员', en: 'User {userId} is not station staff' },
  PLAN_UNKNOWN_REPORTER: { 'zh-CN': '“{reporter}”不是岗位开发计划的填报单位', en: '"{reporter}" is not a reporting unit of the job-development plan' },
  PLAN_UNKNOWN_INDICATOR: { 'zh-CN': '指标“{indicator}”不在指标目录中', en: 'Indicator "{indicator}" is not in the catalogue' },
  PLAN_MILESTONE_ABOVE_GOAL: { 'zh-CN': '指标“{indicator}”的季度节点不能超过年度目标', en: 'A quarterly milestone of "{indicator}" exceeds its annual goal' },
  PLAN_REPORT_NOT_EDITABLE: { 'zh-CN': '报告状态为“{statusZh}”，不能修改', en: 'The report is "{status}" and cannot be changed' },
  PLAN_REPORT_BAD_TRANSITION: { 'zh-CN': '报告状态为“{statusZh}”，不能执行此操作', en: 'The report is "{status}"; this step is not possible' },
  PLAN_REPORT_UNBALANCED: { 'zh-CN': '报表未通过平衡校验（{count} 处）：{issuesZh}', en: 'The report does not balance ({count} problems): {issuesEn}' },
  PLAN_REASON_REQUIRED: { 'zh-CN': '请填写原因', en: 'Give a reason' },
  PLAN_REPORT_EXISTS: { 'zh-CN': '该单位本季度的报告已存在', en: 'This unit already has a report for the quarter' },
  JOB_IMPACT_APPROVED: { 'zh-CN': '就业影响评估已审核通过，不能修改', en: 'The job-impact estimate is approved and cannot be changed' },
  JOB_IMPACT_NOT_SUBMITTED: { 'zh-CN': '只能审核已报送的就业影响评估', en: 'Only a submitted job-impact estimate can be reviewed' },
  JOB_IMPACT_PROJECT_ELSEWHERE: { 'zh-CN': '所选以工代赈项目不属于该填报单位', en: 'The work-relief project belongs to another unit' },
  JOB_IMPACT_UNKNOWN_OCCUPATION: { 'zh-CN': '职业代码“{code}”不在职业分类大典中', en: 'Occupation code "{code}" is not in the occupation classification' },
  WARNING_MONTH_AHEAD: { 'zh-CN': '监测月份 {month} 尚未结束，不能填报', en: 'The month {month} has not ended yet; it cannot be reported' },
  WARNING_HEADCOUNT_MISMATCH: {
    'zh-CN': '本月末人数应等于上月末人数 + 新增 − 减少（{expected}），实际填写 {headcount}',
    en: 'Headcount should be the previous headcount + additions − reductions ({expected}); {headcount} was given',
  },
  WARNING_EFFECTIVE_BEFORE_NOTICE: { 'zh-CN': '裁员生效日期不能早于说明情况的日期', en: 'The layoff cannot take effect before the date of the explanation to staff' },
  WARNING_AMENDS_OTHER_EMPLOYER: { 'zh-CN': '只能更正同一企业的裁员报告', en: 'A report can only amend a report of the same enterprise' },
  WARNING_IMPORT_FORMAT: {
    'zh-CN': '只支持 .csv 或 .xlsx 文件（首行为表头：{columns}）',
    en: 'Only .csv or .xlsx files are accepted (header row: {columns})',
  },
  // Subsidy claims (issue 19).
  SUBSIDY_SAME_PERSON: {
    'zh-CN': '申报人、初审人和复核人须为三个不同的人：您已经办过此申请，不能再担任{roleZh}',
    en: 'The creator, the county reviewer and the city reviewer must be three different people: you already handled this claim, so you cannot act as its {role}',
  },
  SUBSIDY_MOVE_NOT_ALLOWED: {
    'zh-CN': '补贴申请当前状态为“{fromZh}”，您不能执行“{actionZh}”',
    en: 'The claim is "{from}"; you cannot "{action}" it',
  },
  SUBSIDY_REASONS_REQUIRED: { 'zh-CN': '请填写理由', en: 'Please give the reasons' },
  SUBSIDY_NOTICE_RUNNING: { 'zh-CN': '公示期至 {noticeUntil} 结束，期满后方可审定', en: 'The public notice runs until {noticeUntil}; the claim is approved only after it ends' },
  SUBSIDY_CLAIM_EXISTS: { 'zh-CN': '该人员已有一笔在办的同类补贴申请', en: 'There is already a live claim of this kind for this person' },
  SUBSIDY_CLAIMANT_REQUIRED: { 'zh-CN': '请指定申领单位', en: 'Please name the employer that claims' },
  SUBSIDY_NOTHING_DUE: {
    'zh-CN': '没有待支付的款项：已批准且有收款账户的申领，其应付分期都已在批次中',
    en: 'Nothing is due: every instalment of an approved claim with a payee account is already in a batch',
  },
} satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof MESSAGES;

export function renderMessage(code: MessageCode, language: Language, params: Record<string, unknown> = {}): string {
  const template = MESSAGES[code][language];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the product language from an Accept-Language header (or a `lang` query value); zh-CN by default. */
export function pickLanguage(preference: string | undefined): Language {
  if (!preference) return 'zh-CN';
  const first = preference.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
