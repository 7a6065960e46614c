import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { EmptyState } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { RequestsTable } from './RequestsTable';
import { useSupervision } from './statisticsApi';

/** 督办看板: what is at risk or late, in the order the API ranks it, with the escalation level. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const board = useSupervision();
  return (
    <>
      <PageHeader title={t('nav.supervision')} subtitle={t('serviceRequests.supervision.hint')} />
      {board.isError && <Alert type="error" showIcon title={errorMessage(board.error)} style={{ marginBottom: 16 }} />}
      <RequestsTable
        items={board.data ?? []}
        loading={board.isPending}
        show={{ requester: true, assigned: true, handler: true, escalation: true }}
        testId="sr-supervision"
        empty={<EmptyState text={t('emptyStates.supervision')} />}
      />
      {board.data && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
          {t('serviceRequests.supervision.count', { count: board.data.length })}
        </Typography.Text>
      )}
    </>
  );
}
