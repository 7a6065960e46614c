import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useSaveVenue, type Venue, type VenueInput } from './api';

/** Creates a venue, or edits its name, address and description. */
export function VenueFormModal({
  venue,
  open,
  onClose,
  onSaved,
}: {
  venue: Venue | null;
  open: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VenueInput>();
  const save = useSaveVenue();
  const showError = useShowError();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        name: venue?.name ?? '',
        address: venue?.address ?? '',
        description: venue?.description ?? '',
      });
  }, [open, venue, form]);
  return (
    <Modal
      open={open}
      title={venue ? t('venueAdmin.editVenue') : t('venueAdmin.newVenue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'venue-submit' }}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(
            {
              id: venue?.id,
              body: { name: v.name.trim(), address: v.address?.trim() ?? '', description: v.description?.trim() ?? '' },
            },
            {
              onSuccess: (saved) => {
                void message.success(t('common.saved'));
                onSaved?.(saved.id);
                onClose();
              },
              onError: (error) => showError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('venueAdmin.name')}
          rules={[{ required: true, whitespace: true, message: t('venues.required') }]}
        >
          <Input maxLength={100} data-testid="venue-name" />
        </Form.Item>
        <Form.Item name="address" label={t('venues.address')}>
          <Input maxLength={300} data-testid="venue-address" />
        </Form.Item>
        <Form.Item name="description" label={t('venues.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
