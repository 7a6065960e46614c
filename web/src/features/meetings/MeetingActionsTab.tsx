import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionItems } from '../action-items/api';
import { ActionItemsTable } from '../action-items';
import { CreateActionItemModal } from '../action-items';
import type { Meeting } from './api';

/** 议定事项 of one meeting; officials record new ones. */
export function MeetingActionsTab({ meeting, isOfficial }: { meeting: Meeting; isOfficial: boolean }) {
  const { t } = useTranslation();
  const query = useActionItems({ meetingId: meeting.id });
  const [creating, setCreating] = useState(false);
  return (
    <Card
      className="section-card"
      title={t('actionItems.title')}
      extra={
        isOfficial && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="meeting-action-new"
          >
            {t('actionItems.create.button')}
          </Button>
        )
      }
    >
      <ActionItemsTable items={query.data ?? []} loading={query.isPending} testId="meeting-action-items" />
      {isOfficial && (
        <CreateActionItemModal
          allianceId={meeting.allianceId}
          meetingId={meeting.id}
          open={creating}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
