import { defineJobs } from '../../platform/queue/job-registry';

export const THINK_TANK_QUEUE = 'think-tank';

export enum ThinkTankJob {
  SendReviewReminders = 'send-review-reminders',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [ThinkTankJob.SendReviewReminders]: Record<string, never>;
  }
}

defineJobs(THINK_TANK_QUEUE, Object.values(ThinkTankJob));
