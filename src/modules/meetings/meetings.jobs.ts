import { defineJobs } from '../../platform/queue/job-registry';

/** Also carries the action items' escalation and the pairing reminders (see their jobs files). */
export const MEETINGS_QUEUE = 'meetings';

export enum MeetingJob {
  SyncMeetingReminders = 'sync-meeting-reminders',
  SendMeetingReminder = 'send-meeting-reminder',
  RefreshMeetingFigures = 'refresh-meeting-figures',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [MeetingJob.SyncMeetingReminders]: { tenantId: string; meetingId: string };
    [MeetingJob.SendMeetingReminder]: { tenantId: string; meetingId: string; hoursBefore: number; startsAt: string };
    [MeetingJob.RefreshMeetingFigures]: Record<string, never>;
  }
}

defineJobs(MEETINGS_QUEUE, Object.values(MeetingJob));
