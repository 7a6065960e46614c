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
  [ErrorCode.InvalidSmsCode]: {
    'zh-CN': '手机号或验证码错误，或验证码已失效',
    en: 'Wrong mobile number or code, or the code has expired',
  },
  [ErrorCode.SmsCodeLimit]: {
    'zh-CN': '验证码获取过于频繁，请稍后再试',
    en: 'Codes were asked for too often: try again later',
  },
  [ErrorCode.WrongPassword]: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  [ErrorCode.WeakPassword]: { 'zh-CN': '密码强度不足', en: 'The password is too weak' },
  [ErrorCode.Forbidden]: { 'zh-CN': '没有权限执行此操作', en: 'You may not do this' },
  [ErrorCode.NotFound]: { 'zh-CN': '未找到', en: 'Not found' },
  [ErrorCode.Conflict]: { 'zh-CN': '与现有数据冲突', en: 'This conflicts with existing data' },
  [ErrorCode.ConflictOfInterest]: {
    'zh-CN': '评审专家存在利益冲突，不能评审该报告',
    en: 'A reviewer has a conflict of interest with this report',
  },
  [ErrorCode.OwnReport]: {
    'zh-CN': '不能处理自己作为作者的报告，请由其他干部处理',
    en: 'You are an author of this report: another official must handle it',
  },
  [ErrorCode.InvitationExpired]: {
    'zh-CN': '评审邀请已过答复期限',
    en: 'The reply deadline of the invitation has passed',
  },
  [ErrorCode.LeadAlreadyExists]: {
    'zh-CN': '该联盟已有领头企业，一个联盟只能有一家领头企业',
    en: 'The alliance already has its lead enterprise: there can be only one',
  },
  [ErrorCode.AlreadyMember]: { 'zh-CN': '该单位已在联盟中', en: 'The organisation is already in the alliance' },
  [ErrorCode.DuplicateValue]: { 'zh-CN': '该值已被使用', en: 'This value is already taken' },
  [ErrorCode.MeetingConflict]: { 'zh-CN': '时间冲突，无法安排', en: 'This clashes with other meetings' },
  [ErrorCode.SlotTaken]: { 'zh-CN': '该时段已被占用', en: 'This time is already taken' },
  [ErrorCode.CapacityExceeded]: { 'zh-CN': '超出可接待人数', en: 'This exceeds the capacity' },
  [ErrorCode.InvalidTransition]: {
    'zh-CN': '当前状态下不能执行此操作',
    en: 'This is not allowed in the current state',
  },
  [ErrorCode.IdempotencyKeyReused]: {
    'zh-CN': '该 Idempotency-Key 已用于内容不同的请求：新的请求请使用新的 Idempotency-Key',
    en: 'This Idempotency-Key was already used with a different request body: send a new request with a new key',
  },
  [ErrorCode.PayloadTooLarge]: { 'zh-CN': '请求内容过大', en: 'The request is too large' },
  [ErrorCode.UnsupportedMediaType]: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  [ErrorCode.TooManyRequests]: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests: try again later' },
  [ErrorCode.ServiceUnavailable]: {
    'zh-CN': '服务暂不可用，请稍后再试',
    en: 'The service is unavailable: try again later',
  },
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
  isSmsCode: { 'zh-CN': '必须是 6 位数字验证码', en: 'must be the 6-digit code' },
  whitelistValidation: { 'zh-CN': '不允许的字段', en: 'is not an allowed field' },
  nestedValidation: { 'zh-CN': '必须是对象', en: 'must be an object' },
  unstorableCharacter: {
    'zh-CN': '含有无法保存的字符（U+0000 或不成对的代理项）',
    en: 'contains a character that cannot be stored (U+0000 or a lone surrogate)',
  },
  invalidUtf8: { 'zh-CN': '必须是 UTF-8 编码的 JSON', en: 'must be JSON encoded in UTF-8' },
  invalidJson: { 'zh-CN': '必须是有效的 JSON', en: 'must be valid JSON' },
  archiveTooLarge: {
    'zh-CN': '压缩文件解压后过大（上限 {0} MB）或压缩比异常',
    en: 'expands too far when unpacked (limit {0} MB) or is compressed suspiciously well',
  },
  storageQuota: {
    'zh-CN': '本乡镇的存储空间已满（已用 {0} MB，上限 {1} MB）',
    en: "would pass the township's storage quota ({0} MB used of {1} MB)",
  },
  tooDeep: { 'zh-CN': '嵌套层级不能超过 {0} 层', en: 'must not nest deeper than {0} levels' },
  isObject: { 'zh-CN': '必须是对象', en: 'must be an object' },
  unifiedCode: { 'zh-CN': '必须是 18 位统一社会信用代码', en: 'must be an 18-character unified social credit code' },
  required: { 'zh-CN': '必须填写', en: 'is required' },
  emailOrMobile: { 'zh-CN': '电子邮箱和手机号码至少填写一项', en: 'give an email address or a mobile number' },
  duplicateInFile: { 'zh-CN': '与文件中第 {0} 行重复', en: 'repeats row {0} of the file' },
  notFound: { 'zh-CN': '不存在', en: 'does not exist' },
  namesEnterprise: { 'zh-CN': '不能包含提问企业的名称“{0}”', en: 'must not name the enterprise that asked ({0})' },
  namesContact: { 'zh-CN': '不能包含企业联系人的姓名“{0}”', en: 'must not name a contact of the enterprise ({0})' },
  containsContactDetail: {
    'zh-CN': '不能包含企业联系人的手机号或邮箱',
    en: "must not contain a contact's mobile number or email",
  },
  notResolved: { 'zh-CN': '只能发布已办结的诉求', en: 'must be a resolved request' },
  alreadyPublished: { 'zh-CN': '该诉求已发布到问答库', en: 'is already published to the knowledge base' },
  notRequestAlliance: { 'zh-CN': '必须是该诉求所属的联盟', en: "must be the request's alliance" },
  categoryNotInAlliance: { 'zh-CN': '必须是该联盟的服务类别', en: "must be a category of the alliance's catalogue" },
  invalidCursor: { 'zh-CN': '分页游标无效', en: 'is not a valid page cursor' },
  stillReferenced: {
    'zh-CN': '仍被其他记录引用，不能删除',
    en: 'is still referred to by other records and cannot be deleted',
  },
  invalidTransition: { 'zh-CN': '状态为“{1}”的请求不能执行“{0}”', en: 'cannot {0} a request that is {1}' },
  notAMember: { 'zh-CN': '您的企业不是该联盟的成员', en: 'your enterprise is not a member of this alliance' },
  notLate: { 'zh-CN': '请求尚未超时，暂不能催办', en: 'the request is not late yet' },
  chasedToday: { 'zh-CN': '今天已经催办过了', en: 'was already chased today' },
  reopenWindowPassed: { 'zh-CN': '已超过可重新打开的期限', en: 'can no longer be reopened' },
  sameOrganization: { 'zh-CN': '不能转办给当前承办单位', en: 'is already the serving organisation' },
  beforeTo: { 'zh-CN': '开始日期必须早于结束日期', en: 'must be before the end date' },
  fileType: {
    'zh-CN': '只接受 PDF、图片和 Office 文件（按文件内容识别）',
    en: 'must be a PDF, an image or an Office file (judged by its content)',
  },
  malformedMultipart: {
    'zh-CN': '上传内容不完整或格式错误（multipart 分隔符不符或内容被截断），请重新上传',
    en: 'is incomplete or malformed (the multipart boundary does not match or the body was cut short): upload it again',
  },
  tooManyFiles: { 'zh-CN': '每个请求最多 {0} 个附件', en: 'at most {0} attachments per request' },
  robotDisabled: { 'zh-CN': '群机器人已停用，请先启用', en: 'the robot is disabled: enable it first' },
  roomTaken: { 'zh-CN': '{0} 已被“{1}”占用（{2}）', en: '{0} is taken by "{1}" ({2})' },
  personBusy: { 'zh-CN': '{0} 已参加“{1}”（{2}）', en: '{0} is in "{1}" ({2})' },
  endsAfterStart: { 'zh-CN': '结束时间必须晚于开始时间', en: 'must be after the start' },
  invalidRecurrence: { 'zh-CN': '重复规则无效（RRULE）', en: 'is not a valid recurrence rule (RRULE)' },
  placeIncomplete: { 'zh-CN': '请填写会议室、地址或线上链接', en: 'give the room, the address or the online link' },
  notEscalated: {
    'zh-CN': '只有已升级督办的服务请求可以列入议程',
    en: 'only a request escalated to the township can be put on the agenda',
  },
  checkInClosed: { 'zh-CN': '现在不在签到时间内', en: 'check-in is not open now' },
  minutesLocked: { 'zh-CN': '纪要已审定，不能再修改', en: 'the minutes are approved and locked' },
  isTime: { 'zh-CN': '必须是 HH:MM 格式的时间', en: 'must be a time as HH:MM' },
  isUrl: { 'zh-CN': '必须是有效的网址', en: 'must be a valid URL' },
  robotScope: { 'zh-CN': '请指定联盟或部门之一', en: 'give either an alliance or a department' },
  alreadyExists: { 'zh-CN': '已存在', en: 'already exists' },
  backupsNotConfigured: {
    'zh-CN': '未配置备份密钥（BACKUP_KEY），无法备份',
    en: 'backups are not configured (BACKUP_KEY is not set)',
  },
  backupInProgress: { 'zh-CN': '已有一次备份在排队或进行中', en: 'a backup is already queued or running' },
  reusedWithDifferentBody: { 'zh-CN': '已用于内容不同的请求', en: 'was already used with a different request body' },
  unknownHeader: { 'zh-CN': '无法识别的表头', en: 'is not a known column' },
  missingColumn: { 'zh-CN': '缺少必需的列', en: 'is a required column that is missing' },
  importFileType: {
    'zh-CN': '只接受 .xlsx 工作簿或 .csv 文本文件（按文件内容识别），不接受 PDF、网页、图片等其他文件',
    en: 'must be an .xlsx workbook or a .csv text file (judged by its content), not a PDF, web page, image or other file',
  },
  jobFailed: {
    'zh-CN': '系统内部出错，已尝试 {0} 次仍未完成：请稍后重新发起，如仍失败请联系系统管理员',
    en: 'an internal error stopped it after {0} attempts: start it again later, and if it fails again, contact the administrator',
  },
  jobLost: {
    'zh-CN': '任务在执行中断（处理进程或任务队列停止）后未能完成：请重新发起',
    en: 'it stopped when its worker or the job queue went down, and did not finish: start it again',
  },
  unreadableFile: {
    'zh-CN': '无法读取文件：必须是 .xlsx 或 .csv',
    en: 'cannot be read: it must be an .xlsx or .csv file',
  },
  tooManyRows: { 'zh-CN': '行数不能超过 {0}', en: 'must have at most {0} rows' },
  passwordTooShort: { 'zh-CN': '至少 12 个字符', en: 'must be at least 12 characters long' },
  passwordTooCommon: { 'zh-CN': '过于常见，请换一个', en: 'is too common: choose another' },
  passwordSameAsAccount: { 'zh-CN': '不能包含账号名', en: 'must not contain the account name' },
  passwordUnchanged: { 'zh-CN': '不能与当前密码相同', en: 'must differ from the current password' },
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
  slotTaken: { 'zh-CN': '{0} 在 {2} 已被“{1}”占用', en: '{0} is taken by "{1}" at {2}' },
  slotTakenByMeeting: { 'zh-CN': '{0} 在 {1} 已安排会议', en: '{0} is reserved for a meeting at {1}' },
  slotTakenByBooking: { 'zh-CN': '{0} 在 {1} 已被预约', en: '{0} is already booked at {1}' },
  overCapacity: { 'zh-CN': '不能超过可容纳人数 {0}', en: 'must not exceed the capacity of {0}' },
  outsideOpeningHours: { 'zh-CN': '不在开放时间内（当天 {0}）', en: 'is outside the opening hours ({0} that day)' },
  closedThatDay: { 'zh-CN': '当天不开放', en: 'is a day the zone is closed' },
  inPast: { 'zh-CN': '不能早于现在', en: 'must not be in the past' },
  tooLong: { 'zh-CN': '时长不能超过 {0} 小时', en: 'must be at most {0} hours after the start' },
  rangeTooLong: { 'zh-CN': '查询范围不能超过 {0} 天', en: 'must be at most {0} days after the start' },
  sevenDays: { 'zh-CN': '必须按周一到周日填写 7 天', en: 'must list 7 days, Monday first' },
  bookingNotPending: { 'zh-CN': '该预约状态为“{0}”，不能审批', en: 'the booking is {0}, not pending' },
  bookingNotCancellable: {
    'zh-CN': '该预约状态为“{0}”或已结束，不能取消',
    en: 'the booking is {0} or over: it cannot be cancelled',
  },
  photoType: {
    'zh-CN': '只接受 PNG、JPEG 或 WebP 图片（按文件内容识别）',
    en: 'must be a PNG, JPEG or WebP image (judged by its content)',
  },
  photoTooLarge: { 'zh-CN': '图片不能超过 {0} MB', en: 'must be at most {0} MB' },
  tooManyPhotos: { 'zh-CN': '最多 {0} 张照片', en: 'at most {0} photos' },
  siteFull: { 'zh-CN': '{0}：当天只剩 {1} 个名额', en: '{0}: only {1} places left that day' },
  notBooked: { 'zh-CN': '该团队未预约这一天或已取消', en: 'the group has no booking for this day' },
  notYourBooking: { 'zh-CN': '您不属于该预约的团队', en: "you are not in this booking's group" },
  visitDay: { 'zh-CN': '只能在预约当天登记参观', en: 'a visit can be recorded only on the booked day' },
  noSuchProblem: { 'zh-CN': '该走访没有第 {0} 个问题', en: 'the visit has no problem number {0}' },
  notAnEnterprise: { 'zh-CN': '必须是企业', en: 'must be an enterprise' },
  notAnOfficial: { 'zh-CN': '必须是镇干部账号', en: 'must be a township official' },
  inFuture: { 'zh-CN': '不能晚于今天', en: 'must not be in the future' },
  notPairMember: {
    'zh-CN': '该企业不是这个服务目录所属联盟的成员',
    en: "the enterprise is not a member of the category's alliance",
  },
  notInPast: { 'zh-CN': '不能早于今天', en: 'must not be in the past' },
  ownListing: { 'zh-CN': '不能对本单位发布的清单表达意向', en: "is your own organisation's listing" },
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
  deadlinePassed: {
    'zh-CN': '填报已于 {0} 截止，如需补报请联系镇干部延长截止日期',
    en: 'the round closed on {0}; an official can extend the deadline',
  },
  notInAlliance: {
    'zh-CN': '不属于该联盟（只能邀请联盟当前成员单位的人员、镇干部和专家）',
    en: 'not in this alliance (invite people of its current members, township officials and experts)',
  },
  notAMemberOrganization: { 'zh-CN': '贵单位不在该联盟中', en: 'your organisation is not in this alliance' },
  notYourOrganization: { 'zh-CN': '只能为本单位推荐', en: 'must be your own organisation' },
  caseTransition: { 'zh-CN': '状态为“{1}”的案例不能执行“{0}”', en: 'cannot {0} a case that is {1}' },
  notBeforeJoined: { 'zh-CN': '不能早于加入日期', en: 'must not be before the joining date' },
  'conflict.authorOfReport': { 'zh-CN': '{0} 是该报告的作者', en: '{0} is an author of the report' },
  'conflict.affiliatedWithAuthor': {
    'zh-CN': '{0} 任职于作者所在单位“{1}”',
    en: '{0} works for "{1}", an author\'s organisation',
  },
  'conflict.affiliatedWithSubject': {
    'zh-CN': '{0} 任职于报告的调研对象“{1}”',
    en: '{0} works for "{1}", which the report is about',
  },
  'conflict.declaredOrganization': {
    'zh-CN': '{0} 已申报与“{1}”存在利益冲突',
    en: '{0} declared a conflict of interest with "{1}"',
  },
  'conflict.declaredPerson': {
    'zh-CN': '{0} 已申报与作者 {1} 存在利益冲突',
    en: '{0} declared a conflict of interest with the author {1}',
  },
  alreadyAssigned: { 'zh-CN': '{0} 已受邀评审本轮', en: '{0} is already invited to this round' },
  expertUnavailable: { 'zh-CN': '{0} 当前不接受评审邀请', en: '{0} is not taking reviews now' },
  noPreviousReviewers: {
    'zh-CN': '上一轮没有提交评审意见的专家',
    en: 'no reviewer submitted a review in the previous round',
  },
  afterRespondBy: { 'zh-CN': '评审截止时间必须晚于答复期限', en: 'must be after the reply deadline' },
  mustBeInFuture: { 'zh-CN': '必须是将来的时间', en: 'must be in the future' },
  reportLocked: {
    'zh-CN': '报告正在评审或已有结论，不能修改',
    en: 'the report is under review or decided and cannot change',
  },
  notUnderReview: { 'zh-CN': '报告不在评审中', en: 'the report is not under review' },
  notAccepted: { 'zh-CN': '尚未接受或录用，不能进行此操作', en: 'is not accepted yet' },
  ownReport: {
    'zh-CN': '您是该报告的作者，不能为其指派评审专家、作出决定或发布',
    en: 'you are an author of this report, so you may not assign its reviewers, decide on it or publish it',
  },
  cannotAnonymize: {
    'zh-CN':
      '无法去除文件中的作者信息（文件可能已加密或已损坏），双盲评审无法使用，请另存为普通 PDF 或 Word 文件后重新上传',
    en: 'the author details cannot be removed from this file (it may be encrypted or damaged), so double-blind reviewers cannot get it: save it again as a plain PDF or Word file and upload that',
  },
  blindReview: {
    'zh-CN': '双盲评审期间，评审专家不能查看与作者身份有关的信息',
    en: 'under double-blind review, reviewers may not see what could identify the authors',
  },
  respondByPassed: {
    'zh-CN': '答复期限 {0} 已过，请联系编辑重新邀请',
    en: 'the reply deadline {0} has passed: ask the editor to invite you again',
  },
  alreadyResponded: { 'zh-CN': '已经答复过该邀请', en: 'the invitation was already answered' },
  noSubmittedReviews: { 'zh-CN': '本轮还没有提交的评审意见', en: 'no review of this round is submitted yet' },
  responseRequired: { 'zh-CN': '修改稿须附上对评审意见的答复', en: 'a revision needs a response to the reviews' },
  revisionRequired: { 'zh-CN': '请先上传修改稿', en: 'upload the revised version first' },
  reportFileType: {
    'zh-CN': '只接受 PDF 或 Word（.docx）文件（按文件内容识别）',
    en: 'must be a PDF or a Word (.docx) file (judged by its content)',
  },
  unknownCriterion: { 'zh-CN': '不是评审细则中的指标', en: 'is not a criterion of the rubric' },
  scoreRange: { 'zh-CN': '必须是 1 到 {0} 的整数', en: 'must be a whole number from 1 to {0}' },
  declarationTarget: { 'zh-CN': '请指定单位或人员之一', en: 'give an organisation or a person' },
};

/** Words that appear as arguments of reasons (statuses, actions), in Chinese. */
const TERMS_ZH: Record<string, string> = {
  submitted: '已提交',
  routed: '已分派',
  accepted: '已受理',
  in_progress: '办理中',
  returned: '退回补充',
  resolved: '已办结',
  closed: '已关闭',
  rejected: '不予受理',
  route: '分派',
  accept: '受理',
  start: '开始办理',
  return: '退回补充',
  provide_information: '补充材料',
  transfer: '转办',
  pending: '待审批',
  approved: '已通过',
  cancelled: '已取消',
  booked: '已预约',
  preparing: '准备中',
  materials_submitted: '材料已提交',
  under_review: '审核中',
  edit: '修改',
  approve: '通过',
  publish: '发布',
  unpublish: '撤回发布',
  nominated: '待审核',
  published: '已发布',
  unpublished: '已撤回',
  reject: '不予受理',
  resolve: '办结',
  rate: '评价',
  close: '关闭',
  reopen: '重新打开',
  merge: '合并',
  auto_close: '自动关闭',
};

export function localizedReason(constraint: string, language: Language, args: unknown[] = []): string | undefined {
  const entry = reasons[constraint];
  if (!entry) return undefined;
  return entry[language].replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key === 'values') return args.map(String).join(', ');
    const value = args[Number(key)];
    if (value === undefined) return '';
    const term = argumentText(value);
    return language === 'zh-CN' ? (TERMS_ZH[term] ?? term) : term.replace(/_/g, ' ');
  });
}

/** An argument of a reason as its message shows it: the ones in use are strings, numbers and dates. */
function argumentText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date)
    return String(value);
  return JSON.stringify(value) ?? '';
}

export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
