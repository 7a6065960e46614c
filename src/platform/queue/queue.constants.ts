export enum QueueName {
  Registry = 'registry',
  Notifications = 'notifications',
}

export enum JobName {
  ImportMembers = 'import-members',
  ExportRegistry = 'export-registry',
  DeliverNotification = 'deliver-notification',
  SendDigests = 'send-digests',
}

/** The payload of each job: ids only; the handler reloads the rows. */
export interface JobPayloads {
  [JobName.ImportMembers]: { tenantId: string; transferJobId: string };
  [JobName.ExportRegistry]: { tenantId: string; transferJobId: string };
  [JobName.DeliverNotification]: { tenantId: string; deliveryId: string };
  [JobName.SendDigests]: Record<string, never>;
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.ImportMembers]: QueueName.Registry,
  [JobName.ExportRegistry]: QueueName.Registry,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.SendDigests]: QueueName.Notifications,
};

export type JobItem = { [K in JobName]: { name: K; payload: JobPayloads[K] } }[JobName];
