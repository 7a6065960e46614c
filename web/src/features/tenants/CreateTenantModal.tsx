import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_TIME_ZONE } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { InvitationModal } from '../users';
import { useCreateTenant, type CreateTenantInput } from './api';

export function CreateTenantModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateTenantInput>();
  const create = useCreateTenant();
  const showError = useShowError();
  const [invitationUrl, setInvitationUrl] = useState<string | null>(null);

  const onFinish = (values: CreateTenantInput) =>
    create.mutate(
      {
        name: values.name.trim(),
        slug: values.slug.trim(),
        timeZone: values.timeZone?.trim() || undefined,
        adminEmail: values.adminEmail.trim(),
        adminDisplayName: values.adminDisplayName.trim(),
      },
      {
        onSuccess: (result) => setInvitationUrl(result.invitationUrl),
        onError: (error) => showError(error, form),
      },
    );

  return (
    <InvitationModal
      open={open}
      title={t('tenants.createTitle')}
      submitLabel={t('common.create')}
      submitting={create.isPending}
      submitTestId="tenant-submit"
      invitationUrl={invitationUrl}
      onSubmit={() => form.submit()}
      onClose={onClose}
      afterClose={() => {
        form.resetFields();
        setInvitationUrl(null);
      }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ timeZone: DISPLAY_TIME_ZONE }}
        style={invitationUrl ? { display: 'none' } : undefined}
        data-testid="tenant-form"
      >
        <Form.Item
          name="name"
          label={t('tenants.name')}
          rules={[{ required: true, whitespace: true, message: t('tenants.nameRequired') }]}
        >
          <Input placeholder={t('tenants.namePlaceholder')} data-testid="tenant-name" />
        </Form.Item>
        <Form.Item
          name="slug"
          label={t('tenants.slug')}
          extra={t('tenants.slugHint')}
          rules={[
            { required: true, message: t('tenants.slugRequired') },
            { pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, message: t('tenants.slugInvalid') },
          ]}
        >
          <Input placeholder="anhai" data-testid="tenant-slug" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('tenants.timeZone')}>
          <Input data-testid="tenant-time-zone" />
        </Form.Item>
        <Form.Item
          name="adminEmail"
          label={t('tenants.adminEmail')}
          rules={[
            { required: true, message: t('tenants.adminEmailRequired') },
            { type: 'email', message: t('contacts.emailInvalid') },
          ]}
        >
          <Input data-testid="tenant-admin-email" />
        </Form.Item>
        <Form.Item
          name="adminDisplayName"
          label={t('tenants.adminDisplayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input data-testid="tenant-admin-name" />
        </Form.Item>
      </Form>
    </InvitationModal>
  );
}
