import { defineJobs } from '../../platform/queue/job-registry';

export enum ActionItemJob {
  EscalateActionItems = 'escalate-action-items',
}

declare module '../../platform/queue/job-registry' {
  interface JobMap {
    [ActionItemJob.EscalateActionItems]: Record<string, never>;
  }
}

// Ownership drift, kept on purpose: the escalation runs on the meetings' queue ('meetings'), where
// action items began. Its job scheduler is keyed by the job's name on that queue; moving it would
// need a drain of the old queue and the old scheduler removed.
export const ACTION_ITEMS_QUEUE = 'meetings';
defineJobs(ACTION_ITEMS_QUEUE, Object.values(ActionItemJob));
