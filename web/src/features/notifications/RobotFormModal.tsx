import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { useOrganization } from '../organizations/api';
import { OrganizationSelect } from '../organizations';
import { useCreateRobot, useUpdateRobot, type Robot } from './settingsApi';
import { ROBOT_KINDS, ROBOT_TYPES, typeOptions, type NotificationType, type RobotKind } from './types';

type Scope = 'alliance' | 'department';

/** What a new robot posts by default: registry news to an alliance's chat, service requests to a department's. */
function defaultTypes(scope: Scope): NotificationType[] {
  const prefix = scope === 'alliance' ? 'registry.' : 'service-request.';
  return ROBOT_TYPES.filter((type) => type.startsWith(prefix));
}

/**
 * Like the API's check: any http(s) URL, intranet hosts and IP addresses included (antd's `url`
 * rule refuses those). Empty passes; `required` deals with it.
 */
function isHttpUrl(value: string | undefined): boolean {
  if (!value?.trim()) return true;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.host !== '';
  } catch {
    return false;
  }
}

interface Values {
  kind: RobotKind;
  name: string;
  scope: Scope;
  allianceId?: string;
  organizationId?: string;
  /** Write-only, never pre-filled; on edit, empty keeps the stored one. */
  webhookUrl?: string;
  secret?: string;
  types: NotificationType[];
}

interface Props {
  open: boolean;
  /** Edits this robot; creates one when absent. Kind and scope are fixed once created. */
  robot?: Robot;
  /** Name of the edited robot's alliance, for the read-only picker. */
  scopeLabel?: string;
  onClose: () => void;
}

export function RobotFormModal({ open, robot, scopeLabel, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateRobot();
  const update = useUpdateRobot();
  const alliances = useAlliances();
  const department = useOrganization(robot?.organizationId ?? undefined);
  const kind = Form.useWatch('kind', form);
  const scope = Form.useWatch('scope', form);
  const editing = robot !== undefined;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      robot
        ? {
            kind: robot.kind,
            name: robot.name,
            scope: robot.organizationId ? 'department' : 'alliance',
            allianceId: robot.allianceId ?? undefined,
            organizationId: robot.organizationId ?? undefined,
            types: robot.types,
          }
        : { kind: 'wecom', scope: 'alliance', types: defaultTypes('alliance') },
    );
  }, [open, robot, form]);

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => showError(error, form);
    const webhookUrl = values.webhookUrl?.trim() || undefined;
    const secret = values.kind === 'dingtalk' ? values.secret?.trim() || undefined : undefined;
    if (robot) {
      update.mutate(
        { id: robot.id, name: values.name.trim(), types: values.types, webhookUrl, secret },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          kind: values.kind,
          name: values.name.trim(),
          ...(values.scope === 'alliance'
            ? { allianceId: values.allianceId }
            : { organizationId: values.organizationId }),
          webhookUrl: webhookUrl ?? '',
          secret,
          types: values.types,
        },
        {
          onSuccess: () => {
            void message.success(t('robots.created'));
            onClose();
          },
          onError,
        },
      );
    }
  };

  const allianceOptions = alliances.items.map((alliance) => ({ value: alliance.id, label: alliance.name }));
  if (robot?.allianceId && scopeLabel && !allianceOptions.some((option) => option.value === robot.allianceId)) {
    allianceOptions.unshift({ value: robot.allianceId, label: scopeLabel });
  }

  // A robot made through the API may carry types the form does not offer; keep them visible.
  const offered = [...new Set<NotificationType>([...ROBOT_TYPES, ...(robot?.types ?? [])])];

  return (
    <Modal
      open={open}
      title={editing ? t('robots.editTitle') : t('robots.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="robot-form">
        <Form.Item name="kind" label={t('robots.kind')} rules={[{ required: true }]}>
          <Radio.Group
            disabled={editing}
            optionType="button"
            options={ROBOT_KINDS.map((value) => ({ value, label: t(`robotKinds.${value}`) }))}
            data-testid="robot-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('robots.name')}
          rules={[{ required: true, whitespace: true, message: t('robots.nameRequired') }, { max: 100 }]}
        >
          <Input placeholder={t('robots.namePlaceholder')} data-testid="robot-name" />
        </Form.Item>
        <Form.Item name="scope" label={t('robots.scope')} rules={[{ required: true }]}>
          <Radio.Group
            disabled={editing}
            options={[
              { value: 'alliance', label: t('robots.scopeAlliance') },
              { value: 'department', label: t('robots.scopeDepartment') },
            ]}
            onChange={(event) =>
              form.setFieldsValue({
                allianceId: undefined,
                organizationId: undefined,
                types: defaultTypes(event.target.value as Scope),
              })
            }
            data-testid="robot-scope"
          />
        </Form.Item>
        {scope === 'department' ? (
          <Form.Item
            name="organizationId"
            label={t('robots.department')}
            rules={[{ required: true, message: t('robots.departmentRequired') }]}
          >
            <OrganizationSelect
              kind="department"
              disabled={editing}
              knownOption={
                robot?.organizationId && department.data
                  ? { value: robot.organizationId, label: department.data.name }
                  : undefined
              }
              data-testid="robot-organization"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="allianceId"
            label={t('robots.alliance')}
            rules={[{ required: true, message: t('robots.allianceRequired') }]}
          >
            <Select
              disabled={editing}
              loading={alliances.isPending}
              placeholder={t('imports.selectAlliance')}
              options={allianceOptions}
              data-testid="robot-alliance"
            />
          </Form.Item>
        )}
        <Form.Item
          name="webhookUrl"
          label={t('robots.webhookUrl')}
          extra={
            editing
              ? robot.webhookHost
                ? t('robots.webhookKeep', { host: robot.webhookHost })
                : t('robots.webhookKeepUnknown')
              : t(`robots.webhookHint.${kind ?? 'wecom'}`)
          }
          rules={[
            { required: !editing, whitespace: true, message: t('robots.webhookRequired') },
            {
              validator: (_, value?: string) =>
                isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('robots.webhookInvalid'))),
            },
            { max: 1000 },
          ]}
        >
          <Input.Password autoComplete="new-password" placeholder="https://" data-testid="robot-webhook" />
        </Form.Item>
        {kind === 'dingtalk' && (
          <Form.Item
            name="secret"
            label={t('robots.secret')}
            extra={editing && robot.hasSecret ? t('robots.secretKeep') : t('robots.secretHint')}
            rules={[{ max: 200 }]}
          >
            <Input.Password
              autoComplete="new-password"
              placeholder={editing && robot.hasSecret ? t('notificationCenter.secretSet') : 'SEC…'}
              data-testid="robot-secret"
            />
          </Form.Item>
        )}
        <Form.Item
          name="types"
          label={t('robots.types')}
          rules={[{ required: true, type: 'array', min: 1, message: t('robots.typesRequired') }]}
        >
          <Select mode="multiple" options={typeOptions(t, offered)} data-testid="robot-types" />
        </Form.Item>
        {editing && <Typography.Text type="secondary">{t('robots.fixedAfterCreate')}</Typography.Text>}
      </Form>
    </Modal>
  );
}
