/** 账号与安全、隐私政策同意、完整简历（issue 17）. Keys mirror account.en.ts. */
export const accountZh = {
  signIn: {
    byPassword: '密码登录', byCode: '验证码登录', account: '用户名或手机号', accountRequired: '请输入用户名或手机号', phone: '手机号码',
    phoneRequired: '请输入 11 位手机号码', code: '短信验证码', codeRequired: '请输入 6 位验证码', sendCode: '获取验证码', resendIn: '{{seconds}} 秒后重发',
    codeSent: '如该号码已注册，验证码已发送，{{minutes}} 分钟内有效。', forgot: '忘记密码？', backToSignIn: '返回登录',
  },
  reset: {
    title: '重置密码', intro: '输入注册时填写的手机号码，获取验证码后设置新密码。重置后，所有已登录的设备都需要重新登录。', newPassword: '新密码',
    submit: '重置密码', done: '密码已重置，请用新密码登录。',
  },
  page: {
    title: '账号与安全', back: '返回', displayName: '显示名称', username: '用户名', changePassword: '修改密码', currentPassword: '当前密码',
    newPassword: '新密码', confirmPassword: '再次输入新密码', mismatch: '两次输入的新密码不一致', passwordChanged: '密码已修改，其他设备上的登录已失效。',
    terms: '隐私政策和用户协议', termsVersion: '您已同意的版本：{{version}}', viewTerms: '查看隐私政策和用户协议',
    deleteTitle: '注销账号', deleteIntro: '注销后，您的账号、简历、投递记录和验证码记录将立即删除，无法恢复。依法留存的审计日志保留不少于 180 天，其中不含您的身份证号码和手机号码。建议先导出您的数据。',
    deleteButton: '注销账号', deleteConfirmTitle: '确定注销账号吗？', deleteConfirmHint: '请输入“注销”以确认', deleteWord: '注销', deleted: '账号已注销。',
  },
  consent: {
    title: '隐私政策和用户协议', updated: '隐私政策和用户协议已更新（版本 {{version}}），请阅读后确认。', privacy: '隐私政策', terms: '用户协议',
    agree: '同意并继续', decline: '不同意，退出登录', registerLabel: '我已阅读并同意', and: '和', required: '请阅读并同意隐私政策和用户协议',
  },
  profile: {
    reveal: '显示完整号码', hide: '隐藏', revealHint: '为保护您的隐私，号码默认打码显示；每次查看完整号码都会记录在审计日志中。', exportJson: '导出数据（JSON）',
    exportExcel: '导出数据（Excel）', about: '求职状态与自我介绍', jobSeekingStatus: '求职状态', selfIntroduction: '自我介绍',
    selfIntroductionPlaceholder: '介绍您的经验、特长和希望的工作，如：有五年养老护理经验，做事细心。', education: '教育经历', addEducation: '添加教育经历',
    work: '工作经历', addWork: '添加工作经历', school: '学校', major: '专业', level: '学历', from: '开始（年-月）', to: '结束（年-月，至今可不填）',
    employer: '单位名称', jobTitle: '职位', occupation: '职业（可选）', description: '工作内容', monthRule: '请按 2020-09 的格式填写年月', phoneKeep: '不修改请留空；当前号码 {{phone}}',
    account: '账号与安全',
  },
  jobSeekingStatus: { actively_looking: '正在找工作', open_to_offers: '在职，考虑机会', employed_not_looking: '在职，暂不考虑', not_looking: '暂不找工作' },
};
