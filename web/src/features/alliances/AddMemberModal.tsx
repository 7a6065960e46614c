import { App, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { today, toApiDate } from '../../lib/dates';
import { MEMBERSHIP_ROLES, optionsOf, type MembershipRole } from '../../lib/options';
import { useShowError } from '../../lib/useShowError';
import { OrganizationSelect } from '../organizations';
import { useAddMember } from './api';

interface Values {
  organizationId: string;
  role: MembershipRole;
  joinedOn?: Dayjs;
}

interface Props {
  allianceId: string;
  open: boolean;
  defaultRole: MembershipRole;
  onClose: () => void;
}

export function AddMemberModal({ allianceId, open, defaultRole, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddMember(allianceId);
  const showError = useShowError();
  const role = Form.useWatch('role', form);

  useEffect(() => {
    if (open) form.setFieldsValue({ role: defaultRole, joinedOn: today() });
  }, [open, defaultRole, form]);

  const onFinish = ({ organizationId, role, joinedOn }: Values) =>
    add.mutate(
      { organizationId, role, joinedOn: toApiDate(joinedOn) },
      {
        onSuccess: () => {
          void message.success(t('members.added'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('members.addTitle')}
      okText={t('members.add')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="add-member-form">
        <Form.Item name="role" label={t('members.role')} rules={[{ required: true }]}>
          <Select
            options={optionsOf(MEMBERSHIP_ROLES, t, 'membershipRoles')}
            onChange={() => form.setFieldValue('organizationId', undefined)}
            data-testid="add-member-role"
          />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('members.organization')}
          rules={[{ required: true, message: t('members.organizationRequired') }]}
        >
          {/* X are government departments; the 1 and the N are enterprises. */}
          <OrganizationSelect
            kind={role === 'department' ? 'department' : 'enterprise'}
            data-testid="add-member-organization"
          />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('members.joinedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
