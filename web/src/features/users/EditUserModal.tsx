import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TENANT_ROLES, optionsOf } from '../../lib/options';
import { useShowError } from '../../lib/useShowError';
import { OrganizationSelect } from '../organizations';
import { useUpdateUser, type UpdateUserInput, type User } from './api';

/** Change a user's role (and organisation, which the role usually implies). */
export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateUserInput>();
  const update = useUpdateUser();
  const showError = useShowError();
  const role = Form.useWatch('role', form);

  useEffect(() => {
    if (user) {
      form.setFieldsValue({
        displayName: user.displayName,
        role: user.role,
        organizationId: user.organization?.id ?? undefined,
      });
    }
  }, [user, form]);

  const onFinish = (values: UpdateUserInput) => {
    if (!user) return;
    update.mutate(
      { id: user.id, ...values, organizationId: values.organizationId ?? null },
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
      open={user !== null}
      title={t('users.editTitle', { name: user?.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="edit-user-form">
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={optionsOf(TENANT_ROLES, t, 'roles')} data-testid="edit-user-role" />
        </Form.Item>
        <Form.Item name="organizationId" label={t('users.organization')}>
          <OrganizationSelect
            allowClear
            kind={role === 'department_staff' ? 'department' : role === 'enterprise_contact' ? 'enterprise' : undefined}
            knownOption={
              user?.organization ? { value: user.organization.id, label: user.organization.name } : undefined
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
