import { Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { OrganizationSelect } from '../organizations';
import { CATEGORY_CODES, TIME_UNITS, useSaveCategory, type Category, type CategoryInput } from './catalogueApi';

/** Create (category = null) or edit a catalogue entry: who serves it and its time limits. */
export function CategoryFormModal({
  allianceId,
  open,
  category,
  onClose,
}: {
  allianceId: string;
  open: boolean;
  category: Category | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CategoryInput>();
  const save = useSaveCategory(allianceId);
  const showError = useShowError();
  const unitOptions = TIME_UNITS.map((value) => ({ value, label: t(`serviceRequests.catalogue.unitNames.${value}`) }));

  useEffect(() => {
    if (!open) return;
    if (category) {
      form.setFieldsValue({
        code: category.code,
        name: category.name,
        description: category.description,
        providerOrganizationId: category.providerOrganization.id,
        acceptWithin: category.acceptWithin,
        acceptUnit: category.acceptUnit as CategoryInput['acceptUnit'],
        resolveWithin: category.resolveWithin,
        resolveUnit: category.resolveUnit as CategoryInput['resolveUnit'],
        active: category.active,
      });
    } else {
      form.setFieldsValue({ acceptUnit: 'working_hours', resolveUnit: 'working_days', active: true });
    }
  }, [open, category, form]);

  const onFinish = (values: CategoryInput) =>
    save.mutate(
      {
        id: category?.id,
        input: { ...values, name: values.name.trim(), description: values.description?.trim() || null },
      },
      { onSuccess: onClose, onError: (error) => showError(error, form) },
    );

  return (
    <Modal
      open={open}
      title={
        category
          ? t('serviceRequests.catalogue.editCategory', { name: category.name })
          : t('serviceRequests.catalogue.newCategory')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="sr-category-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="code" label={t('serviceRequests.catalogue.code')} rules={[{ required: true }]}>
              <Select
                options={CATEGORY_CODES.map((value) => ({
                  value,
                  label: t(`serviceRequests.catalogue.codes.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('serviceRequests.catalogue.name')}
              rules={[{ required: true, whitespace: true, max: 100 }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('serviceRequests.catalogue.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="providerOrganizationId"
          label={t('serviceRequests.catalogue.provider')}
          rules={[{ required: true }]}
        >
          <OrganizationSelect
            knownOption={
              category
                ? { value: category.providerOrganization.id, label: category.providerOrganization.name }
                : undefined
            }
          />
        </Form.Item>
        <Row gutter={16}>
          {(['accept', 'resolve'] as const).map((phase) => (
            <Col span={12} key={phase}>
              <Form.Item label={t(`serviceRequests.catalogue.${phase}Within`)} required>
                <Space.Compact block>
                  <Form.Item
                    name={`${phase}Within`}
                    noStyle
                    rules={[{ required: true, message: t('serviceRequests.catalogue.withinRequired') }]}
                  >
                    <InputNumber min={1} max={1000} precision={0} style={{ width: '50%' }} />
                  </Form.Item>
                  <Form.Item name={`${phase}Unit`} noStyle rules={[{ required: true }]}>
                    <Select options={unitOptions} style={{ width: '50%' }} />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="active" label={t('serviceRequests.catalogue.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
