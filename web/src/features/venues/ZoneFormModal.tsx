import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useSaveZone, type Zone, type ZoneInput } from './api';
import { fromDayValues, OpeningHoursField, toDayValues, type DayValue } from './OpeningHoursField';

export const ZONE_KINDS = [
  'enterprise_showcase',
  'shared_office',
  'party_activity',
  'joint_consultation',
  'meeting_room',
] as const;

interface Values {
  name: string;
  kind: ZoneInput['kind'];
  capacity: number;
  description?: string;
  requiresApproval: boolean;
  limitHours: boolean;
  days: DayValue[];
}

/** Adds a zone to a venue, or edits one (its kind stays): capacity, opening hours, the approval flag. */
export function ZoneFormModal({
  venueId,
  zone,
  open,
  onClose,
}: {
  venueId: string;
  zone: Zone | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveZone();
  const showError = useShowError();
  const limitHours = Form.useWatch('limitHours', form);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      name: zone?.name ?? '',
      kind: zone?.kind ?? 'party_activity',
      capacity: zone?.capacity ?? 20,
      description: zone?.description ?? '',
      requiresApproval: zone?.requiresApproval ?? false,
      limitHours: !!zone?.openingHours,
      days: toDayValues(zone?.openingHours ?? null),
    });
  }, [open, zone, form]);

  const submit = (v: Values) => {
    const body: ZoneInput = {
      name: v.name.trim(),
      kind: v.kind,
      capacity: v.capacity,
      description: v.description?.trim() ?? '',
      requiresApproval: v.requiresApproval,
      openingHours: v.limitHours ? fromDayValues(v.days) : null,
    };
    save.mutate(
      { venueId, zoneId: zone?.id, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={zone ? t('venueAdmin.editZone', { name: zone.name }) : t('venueAdmin.addZone')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'zone-submit' }}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('venues.zone')}
          rules={[{ required: true, whitespace: true, message: t('venues.required') }]}
        >
          <Input maxLength={100} data-testid="zone-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('venues.kind')} extra={zone ? t('venueAdmin.kindFixed') : undefined}>
          <Select
            disabled={!!zone}
            options={ZONE_KINDS.map((k) => ({ value: k, label: t(`venues.kinds.${k}`) }))}
            data-testid="zone-kind"
          />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('venues.capacity')}
          rules={[{ required: true, message: t('venues.required') }]}
        >
          <InputNumber min={1} max={10000} data-testid="zone-capacity" />
        </Form.Item>
        <Form.Item name="description" label={t('venues.description')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="requiresApproval"
          label={t('venues.approval')}
          valuePropName="checked"
          extra={t('venueAdmin.approvalHint')}
        >
          <Switch
            checkedChildren={t('venues.needsApproval')}
            unCheckedChildren={t('venues.noApproval')}
            data-testid="zone-approval"
          />
        </Form.Item>
        <Form.Item name="limitHours" label={t('venues.openingHours')} valuePropName="checked">
          <Switch
            checkedChildren={t('venueAdmin.limited')}
            unCheckedChildren={t('venues.anyTime')}
            data-testid="zone-limit-hours"
          />
        </Form.Item>
        <Form.Item name="days" hidden={!limitHours}>
          <OpeningHoursField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
