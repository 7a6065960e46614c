import './queues';
import { queueOf, registeredJobs, registeredQueues, type JobName } from './platform/queue/job-registry';

/**
 * The names BullMQ stores: jobs already queued and job schedulers are found by them after an
 * upgrade, so each feature's jobs file must keep them byte for byte (as they were when the platform
 * listed them all).
 */
const SHIPPED: Record<string, string> = {
  'import-members': 'registry',
  'export-registry': 'registry',
  'deliver-notification': 'notifications',
  'send-digests': 'notifications',
  'sweep-expired-state': 'notifications',
  'route-service-request': 'service-requests',
  'check-sla': 'service-requests',
  'sweep-sla': 'service-requests',
  'sweep-transfer-jobs': 'registry',
  'auto-close-resolved': 'service-requests',
  'build-ledger': 'registry',
  'export-service-statistics': 'registry',
  'refresh-meeting-figures': 'meetings',
  'refresh-service-statistics': 'service-requests',
  'sync-meeting-reminders': 'meetings',
  'send-meeting-reminder': 'meetings',
  'escalate-action-items': 'meetings',
  'send-review-reminders': 'think-tank',
  'export-dashboard': 'registry',
  'remind-overdue-pairings': 'meetings',
  'remind-project-deadlines': 'alliance-services',
  'remind-indicator-rounds': 'alliance-services',
  'refresh-member-figures': 'alliances',
  'take-backup': 'backups',
  'check-backups': 'backups',
  'train-intake-model': 'intake',
  'train-intake-models': 'intake',
  'index-resolved-requests': 'intake',
};

describe('the features’ jobs', () => {
  it('keep every shipped job on its shipped queue, and add none unseen', () => {
    expect(Object.fromEntries(registeredJobs().map((name) => [name, queueOf(name)]))).toEqual(SHIPPED);
  });

  it('keep the shipped queues', () => {
    expect(registeredQueues()).toEqual([
      'alliance-services',
      'alliances',
      'backups',
      'intake',
      'meetings',
      'notifications',
      'registry',
      'service-requests',
      'think-tank',
    ]);
  });

  it('refuse a job of no queue', () => {
    expect(() => queueOf('no-such-job' as JobName)).toThrow(/on no queue/);
  });
});
