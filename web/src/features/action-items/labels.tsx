import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionItem, ActionItemStatus } from './api';

const COLORS: Record<ActionItemStatus, string> = {
  open: 'blue',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};

export function ActionItemStatusTag({ status }: { status: ActionItemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {t(`actionItems.statuses.${status}`)}
    </Tag>
  );
}

export function ActionItemProgress({ item }: { item: ActionItem }) {
  return (
    <Progress
      percent={item.progress}
      size="small"
      status={item.status === 'done' ? 'success' : item.overdue ? 'exception' : 'active'}
      style={{ minWidth: 120 }}
    />
  );
}
