import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { OrganizationSelect } from '../organizations';
import { useCreatePair, useOfficialOptions, type Pair, type PairInput } from './api';

/** Pairs an official (by default the one signed in) with an enterprise, to visit every N days. */
export function CreatePairModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (pair: Pair) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<PairInput>();
  const create = useCreatePair();
  const showError = useShowError();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const officials = useOfficialOptions(useDeferredValue(search.trim()), opened);
  const options = (officials.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (me && !options.some((o) => o.value === me.id)) options.unshift({ value: me.id, label: me.displayName });

  useEffect(() => {
    if (open) form.setFieldsValue({ officialUserId: me?.id, organizationId: undefined, intervalDays: 30 });
  }, [open, me, form]);

  return (
    <Modal
      open={open}
      title={t('pairing.createPair')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'pair-submit' }}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: (pair) => {
              void message.success(
                t('pairing.paired', { official: pair.official.name, enterprise: pair.organization.name }),
              );
              onCreated?.(pair);
              onClose();
            },
            onError: (error) => showError(error, form),
          })
        }
      >
        <Form.Item
          name="officialUserId"
          label={t('pairing.official')}
          rules={[{ required: true, message: t('venues.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            onOpenChange={(o) => o && setOpened(true)}
            getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
            loading={officials.isFetching}
            options={options}
            data-testid="pair-official"
          />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('pairing.enterprise')}
          rules={[{ required: true, message: t('venues.required') }]}
        >
          <OrganizationSelect kind="enterprise" data-testid="pair-enterprise" />
        </Form.Item>
        <Form.Item
          name="intervalDays"
          label={t('pairing.intervalDays')}
          rules={[{ required: true, message: t('venues.required') }]}
        >
          <InputNumber min={1} max={366} suffix={t('pairing.days')} data-testid="pair-interval" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
