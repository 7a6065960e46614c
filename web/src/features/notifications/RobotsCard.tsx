import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { useOrganization } from '../organizations/api';
import { RobotFormModal } from './RobotFormModal';
import { useDeleteRobot, useRobots, useTestRobot, useUpdateRobot, type Robot } from './settingsApi';
import { typeLabel } from './types';

function DepartmentName({ id }: { id: string }) {
  const organization = useOrganization(id);
  return <>{organization.data?.name ?? '…'}</>;
}

/** WeCom and DingTalk group robots: which chat hears about which alliance's or department's events. */
export function RobotsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const robots = useRobots();
  const alliances = useAlliances();
  const update = useUpdateRobot();
  const remove = useDeleteRobot();
  const test = useTestRobot();
  const [editing, setEditing] = useState<{ open: boolean; robot?: Robot; scopeLabel?: string }>({ open: false });
  const allianceName = (id: string) => alliances.items.find((alliance) => alliance.id === id)?.name;

  const setEnabled = (robot: Robot, enabled: boolean) =>
    update.mutate(
      { id: robot.id, enabled },
      {
        onSuccess: () => void message.success(enabled ? t('robots.enabled') : t('robots.disabled')),
        onError: (error) => showError(error),
      },
    );

  const columns: TableColumnsType<Robot> = [
    { title: t('robots.name'), dataIndex: 'name' },
    {
      title: t('robots.kind'),
      dataIndex: 'kind',
      render: (kind: Robot['kind']) => <Tag color={kind === 'wecom' ? 'green' : 'blue'}>{t(`robotKinds.${kind}`)}</Tag>,
    },
    {
      title: t('robots.scope'),
      key: 'scope',
      render: (_, robot) =>
        robot.allianceId ? (
          <Space size={4} className="robot-scope">
            <Tag>{t('robots.scopeAlliance')}</Tag>
            {allianceName(robot.allianceId) ?? '…'}
          </Space>
        ) : robot.organizationId ? (
          <Space size={4} className="robot-scope">
            <Tag>{t('robots.scopeDepartment')}</Tag>
            <DepartmentName id={robot.organizationId} />
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('robots.webhook'),
      key: 'webhook',
      render: (_, robot) => (
        <Space size={4} wrap>
          {robot.webhookHost ? <Typography.Text code>{robot.webhookHost}</Typography.Text> : '—'}
          {robot.kind === 'dingtalk' && (
            <Tag color={robot.hasSecret ? 'green' : 'default'} data-testid="robot-secret-state">
              {t(robot.hasSecret ? 'robots.signed' : 'robots.unsigned')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('robots.types'),
      dataIndex: 'types',
      render: (types: Robot['types']) => (
        <Space size={[0, 4]} wrap className="robot-types">
          {types.map((type) => (
            <Tag key={type}>{typeLabel(t, type)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('robots.enabledColumn'),
      dataIndex: 'enabled',
      render: (enabled: boolean, robot) => (
        <Switch
          checked={enabled}
          loading={update.isPending && update.variables?.id === robot.id && update.variables.enabled !== undefined}
          onChange={(checked) => setEnabled(robot, checked)}
          data-testid="robot-enabled"
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, robot) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() =>
              setEditing({
                open: true,
                robot,
                scopeLabel: robot.allianceId ? allianceName(robot.allianceId) : undefined,
              })
            }
            data-testid="robot-edit"
          >
            {t('common.edit')}
          </Button>
          <Tooltip title={robot.enabled ? undefined : t('robots.testDisabledHint')}>
            <Button
              type="link"
              size="small"
              disabled={!robot.enabled}
              loading={test.isPending && test.variables === robot.id}
              onClick={() =>
                test.mutate(robot.id, {
                  onSuccess: () => void message.success(t('robots.testSent')),
                  onError: (error) => showError(error),
                })
              }
              data-testid="robot-test"
            >
              {t('robots.test')}
            </Button>
          </Tooltip>
          <Popconfirm
            title={t('robots.deleteConfirm', { name: robot.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutate(robot.id, {
                onSuccess: () => void message.success(t('robots.deleted')),
                onError: (error) => showError(error),
              })
            }
          >
            <Button type="link" size="small" danger data-testid="robot-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('robots.title')}
      className="section-card"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ open: true })}
          data-testid="robot-create"
        >
          {t('robots.create')}
        </Button>
      }
      data-testid="robots-card"
    >
      <Typography.Paragraph type="secondary">{t('robots.hint')}</Typography.Paragraph>
      <Table<Robot>
        rowKey="id"
        columns={columns}
        dataSource={robots.data?.items ?? []}
        loading={robots.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="robots-table"
      />
      <RobotFormModal
        open={editing.open}
        robot={editing.robot}
        scopeLabel={editing.scopeLabel}
        onClose={() => setEditing((prev) => ({ ...prev, open: false }))}
      />
    </Card>
  );
}
