import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../auth/api';
import { EmptyState } from '../../lib/EmptyState';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useServiceRequests, type RequestStatus } from './api';
import { STATUSES } from './labels';
import { RequestsTable } from './RequestsTable';

/** 我的服务请求 for an enterprise (what its organisation asked for), all requests for an official. */
export function ServiceRequestsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as RequestStatus | null) ?? undefined;
  const enterprise = me?.role === 'enterprise_contact';
  const list = useServiceRequests(
    { status, requesterOrganizationId: enterprise ? me?.organization?.id : undefined },
    { enabled: !!me },
  );
  const items = list.items;

  return (
    <>
      <PageHeader
        title={t(enterprise ? 'nav.myServiceRequests' : 'nav.allServiceRequests')}
        extra={
          enterprise && (
            <Link to="/submit-request">
              <Button type="primary" icon={<PlusOutlined />} data-testid="sr-new">
                {t('nav.submitServiceRequest')}
              </Button>
            </Link>
          )
        }
      />
      <Space wrap className="filters">
        <Select
          allowClear
          value={status}
          placeholder={t('serviceRequests.statusFilter')}
          options={STATUSES.map((value) => ({ value, label: t(`serviceRequests.statuses.${value}`) }))}
          onChange={(value?: RequestStatus) => setParams(value ? { status: value } : {}, { replace: true })}
          style={{ width: 180 }}
          data-testid="sr-status-filter"
        />
      </Space>
      <RequestsTable
        items={items}
        loading={list.isPending}
        show={{ requester: !enterprise, assigned: true }}
        testId="sr-list"
        empty={
          status ? (
            <EmptyState
              text={t('emptyStates.filtered')}
              action={{ label: t('emptyStates.clearFilter'), onClick: () => setParams({}, { replace: true }) }}
            />
          ) : enterprise ? (
            <EmptyState
              text={t('emptyStates.myRequests')}
              action={{ label: t('nav.submitServiceRequest'), icon: <FormOutlined />, to: '/submit-request' }}
            />
          ) : (
            <EmptyState text={t('emptyStates.allRequests')} />
          )
        }
      />
      <LoadMore {...list} />
    </>
  );
}
