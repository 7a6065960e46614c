import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestStatus, ServiceRequest, SlaState, Urgency } from './api';

export const STATUSES: readonly RequestStatus[] = [
  'submitted',
  'routed',
  'accepted',
  'in_progress',
  'returned',
  'resolved',
  'closed',
  'rejected',
];

const STATUS_COLORS: Record<RequestStatus, string> = {
  submitted: 'default',
  routed: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  returned: 'orange',
  resolved: 'green',
  closed: 'default',
  rejected: 'red',
};

const SLA_COLORS: Record<SlaState, string> = { on_track: 'green', at_risk: 'orange', breached: 'red' };

/** Statuses whose clock still runs; a finished request shows no SLA tag. */
const OPEN: readonly RequestStatus[] = ['submitted', 'routed', 'accepted', 'in_progress', 'returned'];

export function isOpen(status: RequestStatus): boolean {
  return OPEN.includes(status);
}

export function StatusTag({ status, testId }: { status: RequestStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`serviceRequests.statuses.${status}`)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return <Tag color={urgency === 'urgent' ? 'volcano' : 'default'}>{t(`serviceRequests.urgencies.${urgency}`)}</Tag>;
}

export function SlaTag({ state }: { state: SlaState }) {
  const { t } = useTranslation();
  return (
    <Tag color={SLA_COLORS[state]} data-sla={state}>
      {t(`serviceRequests.slaStates.${state}`)}
    </Tag>
  );
}

/** The deadline that matters now: to accept until accepted, then to resolve. */
export function currentDue(request: Pick<ServiceRequest, 'acceptedAt' | 'acceptDueAt' | 'resolveDueAt'>) {
  return request.acceptedAt ? request.resolveDueAt : (request.acceptDueAt ?? request.resolveDueAt);
}
