import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import {
  useCategories,
  useDeleteRoutingRule,
  useRoutingRules,
  useRoutingSettings,
  useSetRoutingSettings,
  type RoutingRule,
} from './catalogueApi';
import { RoutingRuleModal } from './RoutingRuleModal';

export function RoutingRulesCard({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useRoutingRules(allianceId);
  const categories = useCategories(allianceId);
  const remove = useDeleteRoutingRule(allianceId);
  const settings = useRoutingSettings(allianceId);
  const setSettings = useSetRoutingSettings(allianceId);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<RoutingRule | null>(null);
  const categoryName = (id: string | null) =>
    id ? (categories.data?.items.find((c) => c.id === id)?.name ?? '—') : t('serviceRequests.rules.anyCategory');

  const edit = (rule: RoutingRule | null) => {
    setEditing(rule);
    setOpen(true);
  };

  const columns: TableColumnsType<RoutingRule> = [
    { title: t('serviceRequests.rules.priority'), dataIndex: 'priority', width: 88 },
    { title: t('serviceRequests.category'), dataIndex: 'categoryId', render: categoryName },
    {
      title: t('serviceRequests.rules.keywords'),
      dataIndex: 'keywords',
      render: (keywords: string[]) => (keywords.length ? keywords.map((k) => <Tag key={k}>{k}</Tag>) : '—'),
    },
    { title: t('serviceRequests.rules.target'), key: 'target', render: (_, r) => r.targetOrganization.name },
    {
      title: t('serviceRequests.catalogue.active'),
      dataIndex: 'active',
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>
          {t(active ? 'serviceRequests.catalogue.on' : 'serviceRequests.catalogue.off')}
        </Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, rule) => (
        <Space size={0}>
          <Button type="link" onClick={() => edit(rule)} data-testid="sr-rule-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('serviceRequests.rules.deleteConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutate(rule.id, {
                onSuccess: () => void message.success(t('serviceRequests.rules.deleted')),
                onError: (error) => showError(error),
              })
            }
          >
            <Button type="link" danger data-testid="sr-rule-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('serviceRequests.rules.title')}
      className="section-card"
      extra={
        <Space size="middle">
          <Tooltip title={t('serviceRequests.rules.byHistoryHint')}>
            <Space size="small">
              <Switch
                checked={settings.data?.routeByHistory ?? true}
                loading={settings.isPending || setSettings.isPending}
                onChange={(routeByHistory) =>
                  setSettings.mutate(
                    { routeByHistory },
                    {
                      onSuccess: () => void message.success(t('serviceRequests.rules.byHistorySaved')),
                      onError: (error) => showError(error),
                    },
                  )
                }
                aria-label={t('serviceRequests.rules.byHistory')}
                data-testid="sr-route-by-history"
              />
              {t('serviceRequests.rules.byHistory')}
            </Space>
          </Tooltip>
          <Button icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="sr-rule-new">
            {t('serviceRequests.rules.new')}
          </Button>
        </Space>
      }
    >
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rules.data?.items ?? []}
        loading={rules.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="sr-rules"
      />
      <RoutingRuleModal allianceId={allianceId} open={open} rule={editing} onClose={() => setOpen(false)} />
    </Card>
  );
}
