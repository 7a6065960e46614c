import { ErrorCode } from './error-code';

export type Language = 'zh-CN' | 'en';

type Catalog = Record<Language, string>;

export const errorMessages: Record<ErrorCode, Catalog> = {
  [ErrorCode.ValidationFailed]: { 'zh-CN': '请求参数有误', en: 'The request is invalid' },
  [ErrorCode.InvalidCredentials]: { 'zh-CN': '账号或密码错误', en: 'Wrong account or password' },
  [ErrorCode.AccountLocked]: {
    'zh-CN': '登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins: the account is locked for a while',
  },
  [ErrorCode.AccountDisabled]: { 'zh-CN': '账号已停用', en: 'The account is disabled' },
  [ErrorCode.Unauthenticated]: { 'zh-CN': '请先登录', en: 'Sign in first' },
  [ErrorCode.InvalidRefreshToken]: { 'zh-CN': '登录已失效，请重新登录', en: 'The session has ended: sign in again' },
  [ErrorCode.InvalidInvitation]: { 'zh-CN': '邀请链接无效或已过期', en: 'The invitation is invalid or has expired' },
  [ErrorCode.WrongPassword]: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  [ErrorCode.WeakPassword]: { 'zh-CN': '密码强度不足', en: 'The password is too weak' },
  [ErrorCode.Forbidden]: { 'zh-CN': '没有权限执行此操作', en: 'You may not do this' },
  [ErrorCode.NotFound]: { 'zh-CN': '未找到', en: 'Not found' },
  [ErrorCode.Conflict]: { 'zh-CN': '与现有数据冲突', en: 'This conflicts with existing data' },
  [ErrorCode.LeadAlreadyExists]: {
    'zh-CN': '该联盟已有领头企业，一个联盟只能有一家领头企业',
    en: 'The alliance already has its lead enterprise: there can be only one',
  },
  [ErrorCode.AlreadyMember]: { 'zh-CN': '该单位已在联盟中', en: 'The organisation is already in the alliance' },
  [ErrorCode.DuplicateValue]: { 'zh-CN': '该值已被使用', en: 'This value is already taken' },
  [ErrorCode.MeetingConflict]: { 'zh-CN': '时间冲突，无法安排', en: 'This clashes with other meetings' },
  [ErrorCode.InvalidTransition]: { 'zh-CN': '当前状态下不能执行此操作', en: 'This is not allowed in the current state' },
  [ErrorCode.PayloadTooLarge]: { 'zh-CN': '请求内容过大', en: 'The request is too large' },
  [ErrorCode.UnsupportedMediaType]: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  [ErrorCode.TooManyRequests]: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests: try again later' },
  [ErrorCode.ServiceUnavailable]: { 'zh-CN': '服务暂不可用，请稍后再试', en: 'The service is unavailable: try again later' },
  [ErrorCode.InternalError]: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
};

/** Reasons for field errors, keyed by class-validator constraint names (and our own). */
const reasons: Record<string, Catalog> = {
  isNotEmpty: { 'zh-CN': '不能为空', en: 'must not be empty' },
  isDefined: { 'zh-CN': '必须填写', en: 'is required' },
  isString: { 'zh-CN': '必须是文本', en: 'must be text' },
  isEmail: { 'zh-CN': '必须是有效的电子邮箱地址', en: 'must be a valid email address' },
  isMobilePhone: { 'zh-CN': '必须是有效的手机号码', en: 'must be a valid mobile number' },
  isUuid: { 'zh-CN': '必须是有效的 ID', en: 'must be a valid id' },
  isInt: { 'zh-CN': '必须是整数', en: 'must be a whole number' },
  isBoolean: { 'zh-CN': '必须是布尔值', en: 'must be true or false' },
  isArray: { 'zh-CN': '必须是列表', en: 'must be a list' },
  isEnum: { 'zh-CN': '取值必须是：{values}', en: 'must be one of: {values}' },
  isIn: { 'zh-CN': '取值必须是：{values}', en: 'must be one of: {values}' },
  isIso8601: { 'zh-CN': '必须是有效的日期（YYYY-MM-DD）', en: 'must be a valid date (YYYY-MM-DD)' },
  isDateString: { 'zh-CN': '必须是有效的日期（YYYY-MM-DD）', en: 'must be a valid date (YYYY-MM-DD)' },
  min: { 'zh-CN': '不能小于 {0}', en: 'must not be less than {0}' },
  max: { 'zh-CN': '不能大于 {0}', en: 'must not be greater than {0}' },
  minLength: { 'zh-CN': '长度不能少于 {0} 个字符', en: 'must be at least {0} characters long' },
  maxLength: { 'zh-CN': '长度不能超过 {0} 个字符', en: 'must be at most {0} characters long' },
  arrayMaxSize: { 'zh-CN': '最多 {0} 项', en: 'must have at most {0} items' },
  matches: { 'zh-CN': '格式不正确', en: 'has the wrong format' },
  whitelistValidation: { 'zh-CN': '不允许的字段', en: 'is not an allowed field' },
  nestedValidation: { 'zh-CN': '必须是对象', en: 'must be an object' },
  isObject: { 'zh-CN': '必须是对象', en: 'must be an object' },
  unifiedCode: { 'zh-CN': '必须是 18 位统一社会信用代码', en: 'must be an 18-character unified social credit code' },
  required: { 'zh-CN': '必须填写', en: 'is required' },
  emailOrMobile: { 'zh-CN': '电子邮箱和手机号码至少填写一项', en: 'give an email address or a mobile number' },
  duplicateInFile: { 'zh-CN': '与文件中第 {0} 行重复', en: 'repeats row {0} of the file' },
  notFound: { 'zh-CN': '不存在', en: 'does not exist' },
  invalidTransition: { 'zh-CN': '状态为“{1}”的请求不能执行“{0}”', en: 'cannot {0} a request that is {1}' },
  notAMember: { 'zh-CN': '您的企业不是该联盟的成员', en: 'your enterprise is not a member of this alliance' },
  notLate: { 'zh-CN': '请求尚未超时，暂不能催办', en: 'the request is not late yet' },
  chasedToday: { 'zh-CN': '今天已经催办过了', en: 'was already chased today' },
  reopenWindowPassed: { 'zh-CN': '已超过可重新打开的期限', en: 'can no longer be reopened' },
  sameOrganization: { 'zh-CN': '不能转办给当前承办单位', en: 'is already the serving organisation' },
  beforeTo: { 'zh-CN': '开始日期必须早于结束日期', en: 'must be before the end date' },
  fileType: { 'zh-CN': '只接受 PDF、图片和 Office 文件（按文件内容识别）', en: 'must be a PDF, an image or an Office file (judged by its content)' },
  tooManyFiles: { 'zh-CN': '每个请求最多 {0} 个附件', en: 'at most {0} attachments per request' },
  robotDisabled: { 'zh-CN': '群机器人已停用，请先启用', en: 'the robot is disabled: enable it first' },
  roomTaken: { 'zh-CN': '{0} 已被“{1}”占用（{2}）', en: '{0} is taken by "{1}" ({2})' },
  personBusy: { 'zh-CN': '{0} 已参加“{1}”（{2}）', en: '{0} is in "{1}" ({2})' },
  endsAfterStart: { 'zh-CN': '结束时间必须晚于开始时间', en: 'must be after the start' },
  invalidRecurrence: { 'zh-CN': '重复规则无效（RRULE）', en: 'is not a valid recurrence rule (RRULE)' },
  placeIncomplete: { 'zh-CN': '请填写会议室、地址或线上链接', en: 'give the room, the address or the online link' },
  notEscalated: { 'zh-CN': '只有已升级督办的服务请求可以列入议程', en: 'only a request escalated to the township can be put on the agenda' },
  checkInClosed: { 'zh-CN': '现在不在签到时间内', en: 'check-in is not open now' },
  minutesLocked: { 'zh-CN': '纪要已审定，不能再修改', en: 'the minutes are approved and locked' },
  isTime: { 'zh-CN': '必须是 HH:MM 格式的时间', en: 'must be a time as HH:MM' },
  isUrl: { 'zh-CN': '必须是有效的网址', en: 'must be a valid URL' },
  robotScope: { 'zh-CN': '请指定联盟或部门之一', en: 'give either an alliance or a department' },
  alreadyExists: { 'zh-CN': '已存在', en: 'already exists' },
  unknownHeader: { 'zh-CN': '无法识别的表头', en: 'is not a known column' },
  missingColumn: { 'zh-CN': '缺少必需的列', en: 'is a required column that is missing' },
  unreadableFile: { 'zh-CN': '无法读取文件：必须是 .xlsx 或 .csv', en: 'cannot be read: it must be an .xlsx or .csv file' },
  tooManyRows: { 'zh-CN': '行数不能超过 {0}', en: 'must have at most {0} rows' },
  passwordTooShort: { 'zh-CN': '至少 12 个字符', en: 'must be at least 12 characters long' },
  passwordTooCommon: { 'zh-CN': '过于常见，请换一个', en: 'is too common: choose another' },
  passwordSameAsAccount: { 'zh-CN': '不能包含账号名', en: 'must not contain the account name' },
  roleNeedsOrganization: { 'zh-CN': '该角色必须指定所属单位', en: 'is required for this role' },
  organizationKindMismatch: { 'zh-CN': '单位类型与角色不符', en: 'does not fit the role' },
  leadNeedsPartyOrganization: {
    'zh-CN': '领头企业必须有党组织',
    en: 'the lead enterprise must have a Party organisation',
  },
  memberNeedsPartyOrganization: {
    'zh-CN': '成员企业必须有党组织',
    en: 'a member enterprise must have a Party organisation',
  },
  roleKindMismatch: {
    'zh-CN': '领头企业和成员企业必须是企业，职能部门必须是部门',
    en: 'the lead and members must be enterprises, the X must be departments',
  },
  notInPast: { 'zh-CN': '不能早于今天', en: 'must not be in the past' },
  ownListing: { 'zh-CN': '不能对本单位发布的清单表达意向', en: 'is your own organisation\'s listing' },
  listingClosed: { 'zh-CN': '该清单已关闭', en: 'the listing is closed' },
  alreadyInterested: { 'zh-CN': '已表达过对接意向', en: 'interest was already expressed' },
  notEligible: { 'zh-CN': '贵单位不符合该项目的申报条件', en: 'your organisation is not eligible for this call' },
  callClosed: { 'zh-CN': '该项目已截止申报', en: 'the call is closed' },
  alreadyApplied: { 'zh-CN': '已经申报过该项目', en: 'an application already exists' },
  stepOrder: { 'zh-CN': '不能从“{0}”变更为“{1}”', en: 'cannot go from {0} to {1}' },
  notAField: { 'zh-CN': '不是本轮填报的指标', en: 'is not a field of this round' },
  isNumber: { 'zh-CN': '必须是数字', en: 'must be a number' },
  unknownIndicator: { 'zh-CN': '不是目录中的指标：{0}', en: 'is not in the catalogue: {0}' },
  alreadySubmitted: { 'zh-CN': '已提交，不能再修改', en: 'is already submitted' },
  roundClosed: { 'zh-CN': '填报已结束', en: 'the round is closed' },
  notAMemberOrganization: { 'zh-CN': '贵单位不在该联盟中', en: 'your organisation is not in this alliance' },
  notYourOrganization: { 'zh-CN': '只能为本单位推荐', en: 'must be your own organisation' },
  caseTransition: { 'zh-CN': '状态为“{1}”的案例不能执行“{0}”', en: 'cannot {0} a case that is {1}' },
  photoType: { 'zh-CN': '只接受 JPEG、PNG 或 WebP 图片（按文件内容识别）', en: 'must be a JPEG, PNG or WebP image (judged by its content)' },
  notBeforeJoined: { 'zh-CN': '不能早于加入日期', en: 'must not be before the joining date' },
};

/** Words that appear as arguments of reasons (statuses, actions), in Chinese. */
const TERMS_ZH: Record<string, string> = {
  submitted: '已提交', routed: '已分派', accepted: '已受理', in_progress: '办理中', returned: '退回补充',
  resolved: '已办结', closed: '已关闭', rejected: '不予受理',
  route: '分派', accept: '受理', start: '开始办理', return: '退回补充', provide_information: '补充材料', transfer: '转办',
  preparing: '准备中', materials_submitted: '材料已提交', under_review: '审核中', approved: '已通过',
  edit: '修改', approve: '通过', publish: '发布', unpublish: '撤回发布', nominated: '待审核', published: '已发布', unpublished: '已撤回',
  reject: '不予受理', resolve: '办结', rate: '评价', close: '关闭', reopen: '重新打开', merge: '合并', auto_close: '自动关闭',
};

export function localizedReason(constraint: string, language: Language, args: unknown[] = []): string | undefined {
  const entry = reasons[constraint];
  if (!entry) return undefined;
  return entry[language].replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key === 'values') return args.map(String).join(', ');
    const value = args[Number(key)];
    if (value === undefined) return '';
    return language === 'zh-CN' ? (TERMS_ZH[String(value)] ?? String(value)) : String(value).replace(/_/g, ' ');
  });
}

export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
