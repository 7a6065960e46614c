import { Form, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { OrganizationSelect } from '../organizations';
import { useCategories, useSaveRoutingRule, type RoutingRule, type RoutingRuleInput } from './catalogueApi';

/** Create (rule = null) or edit a routing rule: priority, category and/or keywords, target organisation. */
export function RoutingRuleModal({
  allianceId,
  open,
  rule,
  onClose,
}: {
  allianceId: string;
  open: boolean;
  rule: RoutingRule | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoutingRuleInput>();
  const save = useSaveRoutingRule(allianceId);
  const categories = useCategories(allianceId);
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      rule
        ? {
            priority: rule.priority,
            categoryId: rule.categoryId,
            keywords: rule.keywords,
            targetOrganizationId: rule.targetOrganization.id,
            active: rule.active,
          }
        : { priority: 100, keywords: [], active: true },
    );
  }, [open, rule, form]);

  const onFinish = (values: RoutingRuleInput) =>
    save.mutate(
      {
        id: rule?.id,
        input: {
          ...values,
          categoryId: values.categoryId ?? null,
          keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
        },
      },
      { onSuccess: onClose, onError: (error) => showError(error, form) },
    );

  return (
    <Modal
      open={open}
      title={rule ? t('serviceRequests.rules.edit') : t('serviceRequests.rules.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="sr-rule-form">
        <Form.Item
          name="priority"
          label={t('serviceRequests.rules.priority')}
          extra={t('serviceRequests.rules.priorityHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('serviceRequests.category')}>
          <Select
            allowClear
            placeholder={t('serviceRequests.rules.anyCategory')}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="keywords"
          label={t('serviceRequests.rules.keywords')}
          extra={t('serviceRequests.rules.keywordsHint')}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="targetOrganizationId" label={t('serviceRequests.rules.target')} rules={[{ required: true }]}>
          <OrganizationSelect
            knownOption={rule ? { value: rule.targetOrganization.id, label: rule.targetOrganization.name } : undefined}
          />
        </Form.Item>
        <Form.Item name="active" label={t('serviceRequests.catalogue.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
