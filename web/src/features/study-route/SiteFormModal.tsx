import { App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useSaveSite, type StudySite } from './api';

interface Values {
  name: string;
  description?: string;
  address?: string;
  dailyCapacity: number;
  active: boolean;
}

/** Adds a demonstration site at the end of the route, or edits one (an inactive site leaves the route but keeps its history). */
export function SiteFormModal({ site, open, onClose }: { site: StudySite | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSite();
  const showError = useShowError();
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        name: site?.name ?? '',
        description: site?.description ?? '',
        address: site?.address ?? '',
        dailyCapacity: site?.dailyCapacity ?? 50,
        active: site?.active ?? true,
      });
    }
  }, [open, site, form]);
  return (
    <Modal
      open={open}
      title={site ? t('studySites.editSite', { name: site.name }) : t('studySites.addSite')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'site-submit' }}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(
            {
              id: site?.id,
              body: {
                name: v.name.trim(),
                description: v.description?.trim() ?? '',
                address: v.address?.trim() ?? '',
                dailyCapacity: v.dailyCapacity,
                ...(site && { active: v.active }),
              },
            },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => showError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('studySites.name')}
          rules={[{ required: true, whitespace: true, message: t('venues.required') }]}
        >
          <Input maxLength={100} data-testid="site-name" />
        </Form.Item>
        <Form.Item name="address" label={t('venues.address')}>
          <Input maxLength={300} data-testid="site-address" />
        </Form.Item>
        <Form.Item name="description" label={t('venues.description')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="site-description" />
        </Form.Item>
        <Form.Item
          name="dailyCapacity"
          label={t('studySites.dailyCapacity')}
          rules={[{ required: true, message: t('venues.required') }]}
        >
          <InputNumber min={1} max={100000} data-testid="site-capacity" />
        </Form.Item>
        {site && (
          <Form.Item
            name="active"
            label={t('studySites.active')}
            valuePropName="checked"
            extra={t('studySites.activeHint')}
          >
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
