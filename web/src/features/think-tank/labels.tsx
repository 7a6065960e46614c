import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import type { AssignmentStatus, Availability, Decision, ReportStatus } from './api';

const STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  under_review: 'processing',
  revision_requested: 'orange',
  accepted: 'green',
  rejected: 'red',
  published: 'purple',
};

export function ReportStatusTag({ status, testId }: { status: ReportStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`thinkTank.statuses.${status}`)}
    </Tag>
  );
}

const DECISION_COLORS: Record<Decision, string> = {
  accept: 'green',
  minor_revision: 'gold',
  major_revision: 'orange',
  reject: 'red',
};

export function DecisionTag({ decision, testId }: { decision: Decision; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={DECISION_COLORS[decision]} data-testid={testId} data-decision={decision}>
      {t(`thinkTank.decisions.${decision}`)}
    </Tag>
  );
}

const ASSIGNMENT_COLORS: Record<AssignmentStatus, string> = {
  invited: 'blue',
  accepted: 'cyan',
  declined: 'default',
  submitted: 'green',
  cancelled: 'default',
};

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ASSIGNMENT_COLORS[status]} data-status={status}>
      {t(`thinkTank.assignmentStatuses.${status}`)}
    </Tag>
  );
}

export function AvailabilityTag({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  const color = availability === 'available' ? 'green' : availability === 'limited' ? 'gold' : 'default';
  return <Tag color={color}>{t(`thinkTank.availabilities.${availability}`)}</Tag>;
}

/** An invitation whose reply-by time has passed: the API refuses an answer, and only the editor can invite again. */
export function invitationLapsed(assignment: { status: string; respondBy: string | null }): boolean {
  return assignment.status === 'invited' && !!assignment.respondBy && dayjs(assignment.respondBy).isBefore(dayjs());
}

/** Said in place of Accept and Decline once an invitation has lapsed. */
export function LapsedInvitationText({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid={testId}>
      {t('thinkTank.queue.expired')}
    </Typography.Text>
  );
}

/** A due time, red when past and orange within two days. */
export function DueText({ value, testId }: { value: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!value) return <>—</>;
  const hoursLeft = dayjs(value).diff(dayjs(), 'hour');
  const state = hoursLeft < 0 ? 'overdue' : hoursLeft < 48 ? 'soon' : 'ok';
  return (
    <Typography.Text
      type={state === 'overdue' ? 'danger' : state === 'soon' ? 'warning' : undefined}
      strong={state !== 'ok'}
      data-testid={testId}
      data-due={state}
    >
      {formatDateTime(value)}
      {state === 'overdue'
        ? ` · ${t('thinkTank.due.overdue')}`
        : state === 'soon'
          ? ` · ${t('thinkTank.due.soon')}`
          : ''}
    </Typography.Text>
  );
}

/** "评审人 1", the only name authors and fellow reviewers get. */
export function reviewerLabel(t: TFunction, ordinal: number, name?: string | null) {
  const label = t('thinkTank.reviewer', { n: ordinal });
  return name ? `${label} · ${name}` : label;
}
