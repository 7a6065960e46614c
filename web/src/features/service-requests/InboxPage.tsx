import { Space, Switch, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/api';
import { EmptyState } from '../../lib/EmptyState';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useServiceRequests } from './api';
import { RequestsTable } from './RequestsTable';

const TABS = ['routed', 'accepted', 'in_progress', 'returned', 'all'] as const;
type InboxTab = (typeof TABS)[number];

/** 待办服务: the requests assigned to the user's own organisation, by status; "mine" = handled by me. */
export function InboxPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as InboxTab)
    : 'routed';
  const mine = params.get('mine') === 'true';
  const organizationId = me?.organization?.id;
  const list = useServiceRequests(
    {
      assignedOrganizationId: organizationId,
      status: tab === 'all' ? undefined : tab,
      mine: mine || undefined,
    },
    { enabled: Boolean(organizationId) },
  );

  const update = (next: { tab?: InboxTab; mine?: boolean }) => {
    const values = { tab, mine, ...next };
    setParams({ tab: values.tab, ...(values.mine ? { mine: 'true' } : {}) }, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('nav.serviceInbox')}
        subtitle={me?.organization?.name}
        extra={
          <Space>
            <Typography.Text>{t('serviceRequests.onlyMine')}</Typography.Text>
            <Switch checked={mine} onChange={(checked) => update({ mine: checked })} data-testid="sr-inbox-mine" />
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key as InboxTab })}
        items={TABS.map((key) => ({
          key,
          label: (
            <span data-testid={`sr-inbox-tab-${key}`}>
              {key === 'all' ? t('serviceRequests.allStatuses') : t(`serviceRequests.statuses.${key}`)}
            </span>
          ),
        }))}
      />
      {organizationId ? (
        <>
          <RequestsTable
            items={list.items}
            loading={list.isPending}
            show={{ requester: true, handler: true }}
            testId="sr-inbox"
            empty={<EmptyState text={t('emptyStates.inbox')} />}
          />
          <LoadMore {...list} />
        </>
      ) : (
        <Typography.Text type="secondary">{t('serviceRequests.noOrganization')}</Typography.Text>
      )}
    </>
  );
}
