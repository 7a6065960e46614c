import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api';
import { useAlliances } from '../alliances/api';
import { EmptyState } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { useActionItems, type ActionItem, type ActionItemStatus } from './api';
import { ActionItemsTable } from './ActionItemsTable';
import { CreateActionItemModal } from './CreateActionItemModal';

const GROUPS: ActionItemStatus[] = ['open', 'in_progress', 'done', 'cancelled'];

/** 议定事项: the alliance's board (officials) or the user's organisation's items, grouped by status. */
export function ActionItemsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isOfficial = me?.role === 'township_admin';
  const alliances = useAlliances();
  const allianceId = isOfficial ? alliances.items[0]?.id : undefined;
  const query = useActionItems({ allianceId }, !isOfficial || !!allianceId || !alliances.isPending);
  const [creating, setCreating] = useState(false);
  const items = query.data ?? [];
  const byStatus = (status: ActionItemStatus): ActionItem[] => items.filter((item) => item.status === status);
  return (
    <>
      <PageHeader
        title={t('actionItems.title')}
        extra={
          isOfficial &&
          allianceId && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="action-items-new"
            >
              {t('actionItems.create.button')}
            </Button>
          )
        }
      />
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="action-items-board">
        {items.length === 0 && !query.isPending && (
          <Card className="section-card">
            <EmptyState
              text={t('emptyStates.actionItems')}
              action={
                isOfficial && allianceId
                  ? { label: t('actionItems.create.button'), icon: <PlusOutlined />, onClick: () => setCreating(true) }
                  : undefined
              }
            />
          </Card>
        )}
        {GROUPS.map((status) => {
          const group = byStatus(status);
          if (group.length === 0) return null;
          return (
            <Card
              key={status}
              className="section-card"
              title={`${t(`actionItems.statuses.${status}`)} (${group.length})`}
              data-testid={`action-group-${status}`}
            >
              <ActionItemsTable items={group} />
            </Card>
          );
        })}
      </Space>
      {isOfficial && allianceId && (
        <CreateActionItemModal allianceId={allianceId} open={creating} onClose={() => setCreating(false)} />
      )}
    </>
  );
}
