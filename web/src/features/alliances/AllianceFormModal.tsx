import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useCreateAlliance, useUpdateAlliance, type Alliance, type CreateAllianceInput } from './api';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Edits this alliance; creates a new one when absent. */
  alliance?: Alliance;
  onCreated?: (alliance: Alliance) => void;
}

export function AllianceFormModal({ open, onClose, alliance, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateAllianceInput>();
  const create = useCreateAlliance();
  const update = useUpdateAlliance(alliance?.id ?? '');
  const showError = useShowError();

  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        name: alliance?.name ?? '',
        industry: alliance?.industry ?? undefined,
        description: alliance?.description ?? undefined,
      });
    }
  }, [open, alliance, form]);

  const onFinish = (values: CreateAllianceInput) => {
    const input = {
      name: values.name.trim(),
      industry: values.industry?.trim() || undefined,
      description: values.description?.trim() || undefined,
    };
    const onError = (error: unknown) => showError(error, form);
    if (alliance) {
      update.mutate(input, {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      });
    } else {
      create.mutate(input, {
        onSuccess: (created) => {
          void message.success(t('alliances.created'));
          onClose();
          onCreated?.(created);
        },
        onError,
      });
    }
  };

  return (
    <Modal
      open={open}
      title={alliance ? t('alliances.editTitle') : t('alliances.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="alliance-form">
        <Form.Item
          name="name"
          label={t('alliances.name')}
          rules={[{ required: true, whitespace: true, message: t('alliances.nameRequired') }]}
        >
          <Input placeholder={t('alliances.namePlaceholder')} data-testid="alliance-name" />
        </Form.Item>
        <Form.Item name="industry" label={t('alliances.industry')}>
          <Input placeholder={t('alliances.industryPlaceholder')} data-testid="alliance-industry" />
        </Form.Item>
        <Form.Item name="description" label={t('alliances.description')}>
          <Input.TextArea rows={3} data-testid="alliance-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
