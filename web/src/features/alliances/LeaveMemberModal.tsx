import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { today, toApiDate } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useLeaveAlliance, type Membership } from './api';

interface Values {
  leftOn: Dayjs;
  reason: string;
}

export function LeaveMemberModal({
  allianceId,
  membership,
  onClose,
}: {
  allianceId: string;
  membership: Membership | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const leave = useLeaveAlliance(allianceId);
  const showError = useShowError();

  useEffect(() => {
    if (membership) form.setFieldsValue({ leftOn: today(), reason: '' });
  }, [membership, form]);

  const onFinish = ({ leftOn, reason }: Values) => {
    if (!membership) return;
    leave.mutate(
      { membershipId: membership.id, leftOn: toApiDate(leftOn)!, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('members.left'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={membership !== null}
      title={t('members.leaveTitle')}
      okText={t('members.leave')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={leave.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Typography.Paragraph>{membership?.organization.name}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="leave-member-form">
        <Form.Item
          name="leftOn"
          label={t('members.leftOn')}
          rules={[{ required: true, message: t('members.leftOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('members.leaveReason')}
          rules={[{ required: true, whitespace: true, message: t('members.leaveReasonRequired') }]}
        >
          <Input.TextArea rows={3} data-testid="leave-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
