/** Every kind of event people can be told about; features add theirs here. */
export enum NotificationType {
  ImportFinished = 'registry.import-finished',
  ExportFinished = 'registry.export-finished',
  MemberJoined = 'registry.member-joined',
  MemberLeft = 'registry.member-left',
  UserInvited = 'user.invited',
  RobotTest = 'notifications.robot-test',
  RequestAssigned = 'service-request.assigned',
  RequestUpdated = 'service-request.updated',
  RequestComment = 'service-request.comment',
  RequestSlaWarning = 'service-request.sla-warning',
  RequestEscalated = 'service-request.escalated',
  RequestChased = 'service-request.chased',
  FollowUpAssigned = 'service-request.follow-up',
  MeetingInvited = 'meeting.invited',
  MeetingChanged = 'meeting.changed',
  MeetingCancelled = 'meeting.cancelled',
  MeetingReminder = 'meeting.reminder',
  ActionItemAssigned = 'action-item.assigned',
  ActionItemOverdue = 'action-item.overdue',
  ReportSubmitted = 'think-tank.report-submitted',
  ReviewInvited = 'think-tank.review-invited',
  ReviewResponded = 'think-tank.review-responded',
  ReviewReminder = 'think-tank.review-reminder',
  ReviewSubmitted = 'think-tank.review-submitted',
  ReportDecided = 'think-tank.report-decided',
  VenueBookingRequested = 'venue-booking.requested',
  VenueBookingDecided = 'venue-booking.decided',
  PairingVisitOverdue = 'pairing.visit-overdue',
  ListingInterest = 'listing.interest',
  ListingMessage = 'listing.message',
  ProjectCallPublished = 'project-call.published',
  ProjectCallDeadline = 'project-call.deadline',
  ProjectApplicationUpdated = 'project-application.updated',
  TypicalCaseNominated = 'typical-case.nominated',
  TypicalCaseReviewed = 'typical-case.reviewed',
  IndicatorRoundOpened = 'indicator.round-opened',
  IndicatorReminder = 'indicator.reminder',
  /** To platform admins (who belong to no township): the last good backup is older than 26 hours. */
  BackupStale = 'backup.stale',
}

/** A person's channels; group robots (WeCom, DingTalk) are configured per alliance or department. */
export enum PersonalChannel {
  InApp = 'in_app',
  Email = 'email',
}

/**
 * Every external channel, each with its `ChannelSender`; the database's check constraint on
 * notification_deliveries.channel is built from this list.
 */
export enum DeliveryChannel {
  Email = 'email',
  WeCom = 'wecom',
  DingTalk = 'dingtalk',
  Sms = 'sms',
}

export enum DeliveryStatus {
  /** Queued; goes out at `notBefore`. */
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
  /** Waiting for the recipient's daily digest. */
  AwaitingDigest = 'awaiting_digest',
  /** Went out inside a digest. */
  Digested = 'digested',
  /** Could not go out and never will as it stands (no mobile number, no template); `lastError` says why. */
  Skipped = 'skipped',
}

export enum RobotKind {
  WeCom = 'wecom',
  DingTalk = 'dingtalk',
}
