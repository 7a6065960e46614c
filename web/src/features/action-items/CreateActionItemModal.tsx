import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useCreateActionItem } from './api';
import { OrganizationSelect } from '../organizations';

interface Values {
  title: string;
  description?: string;
  ownerOrganizationId: string;
  dueOn: Dayjs;
}

/** An official records an action item (议定事项) of an alliance, optionally of a meeting. */
export function CreateActionItemModal({
  allianceId,
  meetingId,
  open,
  onClose,
}: {
  allianceId: string;
  meetingId?: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateActionItem();
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('actionItems.create.title')}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'action-create-ok' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          create.mutate(
            {
              allianceId,
              meetingId,
              title: values.title.trim(),
              description: values.description?.trim() || undefined,
              ownerOrganizationId: values.ownerOrganizationId,
              dueOn: values.dueOn.format('YYYY-MM-DD'),
            },
            {
              onSuccess: () => {
                void message.success(t('actionItems.create.created'));
                onClose();
              },
              onError: (error) => showError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('actionItems.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('actionItems.create.titleRequired') }]}
        >
          <Input maxLength={200} data-testid="action-title" />
        </Form.Item>
        <Form.Item name="description" label={t('actionItems.fields.description')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="action-description" />
        </Form.Item>
        <Form.Item
          name="ownerOrganizationId"
          label={t('actionItems.fields.owner')}
          rules={[{ required: true, message: t('actionItems.create.ownerRequired') }]}
        >
          <OrganizationSelect data-testid="action-owner" />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('actionItems.fields.dueOn')}
          rules={[{ required: true, message: t('actionItems.create.dueRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="action-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
