import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TENANT_ROLES, optionsOf } from '../../lib/options';
import { useShowError } from '../../lib/useShowError';
import { OrganizationSelect } from '../organizations';
import { useInviteUser, type InviteUserInput } from './api';
import { InvitationModal } from './InvitationModal';

export function InviteUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InviteUserInput>();
  const invite = useInviteUser();
  const showError = useShowError();
  const [invitationUrl, setInvitationUrl] = useState<string | null>(null);
  const role = Form.useWatch('role', form);

  const onFinish = (values: InviteUserInput) =>
    invite.mutate(
      {
        email: values.email?.trim() || undefined,
        mobile: values.mobile?.trim() || undefined,
        displayName: values.displayName.trim(),
        role: values.role,
        organizationId: values.organizationId || undefined,
      },
      {
        onSuccess: (result) => setInvitationUrl(result.invitationUrl),
        onError: (error) => showError(error, form),
      },
    );

  const atLeastOneContact = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () =>
      getFieldValue('email') || getFieldValue('mobile')
        ? Promise.resolve()
        : Promise.reject(new Error(t('users.emailOrMobileRequired'))),
  });

  return (
    <InvitationModal
      open={open}
      title={t('users.inviteTitle')}
      submitLabel={t('users.invite')}
      submitting={invite.isPending}
      submitTestId="invite-submit"
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
        initialValues={{ role: 'enterprise_contact' }}
        style={invitationUrl ? { display: 'none' } : undefined}
        data-testid="invite-form"
      >
        <Form.Item
          name="email"
          label={t('users.email')}
          dependencies={['mobile']}
          rules={[{ type: 'email', message: t('contacts.emailInvalid') }, atLeastOneContact]}
        >
          <Input data-testid="invite-email" />
        </Form.Item>
        <Form.Item name="mobile" label={t('users.mobile')} dependencies={['email']} rules={[atLeastOneContact]}>
          <Input data-testid="invite-mobile" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input data-testid="invite-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={optionsOf(TENANT_ROLES, t, 'roles')} data-testid="invite-role" />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('users.organization')}
          rules={[
            {
              required: role === 'enterprise_contact' || role === 'department_staff',
              message: t('users.organizationRequired'),
            },
          ]}
        >
          <OrganizationSelect
            allowClear
            kind={role === 'department_staff' ? 'department' : role === 'enterprise_contact' ? 'enterprise' : undefined}
            data-testid="invite-organization"
          />
        </Form.Item>
      </Form>
    </InvitationModal>
  );
}
