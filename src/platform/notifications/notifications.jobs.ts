import { defineJobs } from '../queue/job-registry';

export const NOTIFICATIONS_QUEUE = 'notifications';

export enum NotificationJob {
  DeliverNotification = 'deliver-notification',
  SendDigests = 'send-digests',
  /** Not a notification's: the sweep of throttling counters and stream tickets rides this queue's worker. */
  SweepExpiredState = 'sweep-expired-state',
}

declare module '../queue/job-registry' {
  interface JobMap {
    /** tenantId null: a notification of the platform's own, to platform admins. */
    [NotificationJob.DeliverNotification]: { tenantId: string | null; deliveryId: string };
    [NotificationJob.SendDigests]: Record<string, never>;
    [NotificationJob.SweepExpiredState]: Record<string, never>;
  }
}

defineJobs(NOTIFICATIONS_QUEUE, Object.values(NotificationJob));
