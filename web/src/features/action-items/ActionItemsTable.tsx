import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api';
import type { ActionItem } from './api';
import { ActionItemProgress, ActionItemStatusTag } from './labels';
import { ProgressModal } from './ProgressModal';

/** Action items with owner, due date (red when overdue), progress and a progress report for those who may. */
export function ActionItemsTable({
  items,
  loading,
  testId,
}: {
  items: ActionItem[];
  loading?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [reporting, setReporting] = useState<ActionItem | null>(null);
  const mayReport = (item: ActionItem) =>
    (item.status === 'open' || item.status === 'in_progress') &&
    (me?.role === 'township_admin' || me?.organization?.id === item.ownerOrganization.id);
  return (
    <>
      <Table<ActionItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid={testId}
        onRow={(item) =>
          ({
            style: item.overdue ? { background: '#fff1f0' } : undefined,
            'data-overdue': item.overdue ? 'true' : 'false',
          }) as object
        }
        columns={[
          {
            title: t('actionItems.fields.title'),
            key: 'title',
            render: (_, item) => (
              <>
                <Typography.Text strong>{item.title}</Typography.Text>
                {item.description && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} ellipsis={{ rows: 2 }}>
                    {item.description}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          {
            title: t('actionItems.fields.owner'),
            key: 'owner',
            render: (_, item) => [item.ownerOrganization.name, item.ownerUser?.displayName].filter(Boolean).join(' · '),
          },
          {
            title: t('actionItems.fields.dueOn'),
            key: 'dueOn',
            render: (_, item) => (
              <Typography.Text
                type={item.overdue ? 'danger' : undefined}
                data-overdue={item.overdue ? 'true' : 'false'}
              >
                {item.dueOn}
                {item.overdue && ` (${t('actionItems.overdue')})`}
              </Typography.Text>
            ),
          },
          {
            title: t('actionItems.fields.status'),
            key: 'status',
            render: (_, item) => <ActionItemStatusTag status={item.status} />,
          },
          {
            title: t('actionItems.fields.progress'),
            key: 'progress',
            render: (_, item) => <ActionItemProgress item={item} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, item) =>
              mayReport(item) ? (
                <Button size="small" onClick={() => setReporting(item)} data-testid="action-report">
                  {t('actionItems.progress.button')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ProgressModal item={reporting} onClose={() => setReporting(null)} />
    </>
  );
}
