export enum QueueName {
  Registry = 'registry',
  Notifications = 'notifications',
  ServiceRequests = 'service-requests',
  Meetings = 'meetings',
  ThinkTank = 'think-tank',
  AllianceServices = 'alliance-services',
  Backups = 'backups',
}

export enum JobName {
  ImportMembers = 'import-members',
  ExportRegistry = 'export-registry',
  DeliverNotification = 'deliver-notification',
  SendDigests = 'send-digests',
  SweepExpiredState = 'sweep-expired-state',
  RouteServiceRequest = 'route-service-request',
  CheckSla = 'check-sla',
  SweepSla = 'sweep-sla',
  SweepTransferJobs = 'sweep-transfer-jobs',
  AutoCloseResolved = 'auto-close-resolved',
  ExportServiceStatistics = 'export-service-statistics',
  RefreshServiceStatistics = 'refresh-service-statistics',
  SyncMeetingReminders = 'sync-meeting-reminders',
  SendMeetingReminder = 'send-meeting-reminder',
  EscalateActionItems = 'escalate-action-items',
  SendReviewReminders = 'send-review-reminders',
  ExportDashboard = 'export-dashboard',
  RemindOverduePairings = 'remind-overdue-pairings',
  RemindProjectDeadlines = 'remind-project-deadlines',
  RemindIndicatorRounds = 'remind-indicator-rounds',
  TakeBackup = 'take-backup',
  CheckBackups = 'check-backups',
}

/** The payload of each job: ids only; the handler reloads the rows. */
export interface JobPayloads {
  [JobName.ImportMembers]: { tenantId: string; transferJobId: string };
  [JobName.ExportRegistry]: { tenantId: string; transferJobId: string };
  /** tenantId null: a notification of the platform's own, to platform admins. */
  [JobName.DeliverNotification]: { tenantId: string | null; deliveryId: string };
  [JobName.SendDigests]: Record<string, never>;
  [JobName.SweepExpiredState]: Record<string, never>;
  [JobName.RouteServiceRequest]: { tenantId: string; requestId: string };
  [JobName.CheckSla]: { tenantId: string; requestId: string };
  [JobName.SweepSla]: Record<string, never>;
  [JobName.SweepTransferJobs]: Record<string, never>;
  [JobName.AutoCloseResolved]: Record<string, never>;
  [JobName.ExportServiceStatistics]: { tenantId: string; transferJobId: string };
  [JobName.RefreshServiceStatistics]: Record<string, never>;
  [JobName.SyncMeetingReminders]: { tenantId: string; meetingId: string };
  [JobName.SendMeetingReminder]: { tenantId: string; meetingId: string; hoursBefore: number; startsAt: string };
  [JobName.EscalateActionItems]: Record<string, never>;
  [JobName.SendReviewReminders]: Record<string, never>;
  [JobName.ExportDashboard]: { tenantId: string; transferJobId: string };
  [JobName.RemindOverduePairings]: Record<string, never>;
  [JobName.RemindProjectDeadlines]: Record<string, never>;
  [JobName.RemindIndicatorRounds]: Record<string, never>;
  /** A run asked for by a platform admin names its row; a scheduled one has none (its tick names it). */
  [JobName.TakeBackup]: { runId?: string };
  [JobName.CheckBackups]: Record<string, never>;
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.ImportMembers]: QueueName.Registry,
  [JobName.ExportRegistry]: QueueName.Registry,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.SendDigests]: QueueName.Notifications,
  [JobName.SweepExpiredState]: QueueName.Notifications,
  [JobName.RouteServiceRequest]: QueueName.ServiceRequests,
  [JobName.CheckSla]: QueueName.ServiceRequests,
  [JobName.SweepSla]: QueueName.ServiceRequests,
  [JobName.SweepTransferJobs]: QueueName.Registry,
  [JobName.AutoCloseResolved]: QueueName.ServiceRequests,
  [JobName.ExportServiceStatistics]: QueueName.Registry,
  [JobName.RefreshServiceStatistics]: QueueName.ServiceRequests,
  [JobName.SyncMeetingReminders]: QueueName.Meetings,
  [JobName.SendMeetingReminder]: QueueName.Meetings,
  [JobName.EscalateActionItems]: QueueName.Meetings,
  [JobName.SendReviewReminders]: QueueName.ThinkTank,
  [JobName.ExportDashboard]: QueueName.Registry,
  [JobName.RemindOverduePairings]: QueueName.Meetings,
  [JobName.RemindProjectDeadlines]: QueueName.AllianceServices,
  [JobName.RemindIndicatorRounds]: QueueName.AllianceServices,
  [JobName.TakeBackup]: QueueName.Backups,
  [JobName.CheckBackups]: QueueName.Backups,
};

export type JobItem = { [K in JobName]: { name: K; payload: JobPayloads[K] } }[JobName];
