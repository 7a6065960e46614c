export enum QueueName {
  Registry = 'registry',
}

export enum JobName {
  ImportMembers = 'import-members',
  ExportRegistry = 'export-registry',
}

/** The payload of each job: ids only; the handler reloads the rows. */
export interface JobPayloads {
  [JobName.ImportMembers]: { tenantId: string; transferJobId: string };
  [JobName.ExportRegistry]: { tenantId: string; transferJobId: string };
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.ImportMembers]: QueueName.Registry,
  [JobName.ExportRegistry]: QueueName.Registry,
};

export type JobItem = { [K in JobName]: { name: K; payload: JobPayloads[K] } }[JobName];
