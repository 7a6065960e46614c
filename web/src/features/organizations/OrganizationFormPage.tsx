import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CHAIN_POSITIONS, ORGANIZATION_KINDS, optionsOf } from '../../lib/options';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { PageHeader } from '../../lib/PageHeader';
import { useCreateOrganization, useOrganization, useUpdateOrganization } from './api';
import { ContactsFields } from './ContactsFields';
import {
  emptyOrganization,
  toCreateInput,
  toFormValues,
  toUpdateInput,
  type OrganizationFormValues,
} from './formValues';
import { PartyOrganizationFields } from './PartyOrganizationFields';

/** Create (`/organizations/new`) or edit (`/organizations/:id/edit`) an organisation. */
export function OrganizationFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<OrganizationFormValues>();
  const existing = useOrganization(id);
  const create = useCreateOrganization();
  const update = useUpdateOrganization(id ?? '');
  const isAdmin = me?.role === 'township_admin';

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toFormValues(existing.data));
  }, [existing.data, form]);

  if (existing.isError) throw existing.error;
  if (id && existing.isPending) return <Spin />;

  const done = () => void navigate(isAdmin ? '/organizations' : '/home');
  const onFinish = (values: OrganizationFormValues) => {
    const options = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        done();
      },
      onError: (error: unknown) => showError(error, form),
    };
    if (id) update.mutate(toUpdateInput(values), options);
    else create.mutate(toCreateInput(values), options);
  };

  return (
    <>
      <PageHeader
        title={id ? t('organizations.editTitle', { name: existing.data?.name }) : t('organizations.createTitle')}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={emptyOrganization}
        onFinish={onFinish}
        scrollToFirstError
        data-testid="organization-form"
      >
        <Card title={t('organizations.basics')} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('organizations.name')}
                rules={[{ required: true, whitespace: true, message: t('organizations.nameRequired') }]}
              >
                <Input data-testid="org-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('organizations.kind')} rules={[{ required: true }]}>
                <Radio.Group
                  options={optionsOf(ORGANIZATION_KINDS, t, 'organizationKinds')}
                  optionType="button"
                  disabled={!isAdmin || Boolean(id)}
                  data-testid="org-kind"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="unifiedCode" label={t('organizations.unifiedCode')}>
                <Input placeholder={t('organizations.unifiedCodePlaceholder')} data-testid="org-unified-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="industry" label={t('organizations.industry')}>
                <Input data-testid="org-industry" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="chainPosition" label={t('organizations.chainPosition')}>
                <Select
                  allowClear
                  options={optionsOf(CHAIN_POSITIONS, t, 'chainPositions')}
                  data-testid="org-chain-position"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="productTags" label={t('organizations.productTags')}>
                <Select
                  mode="tags"
                  tokenSeparators={[',', '，']}
                  open={false}
                  suffixIcon={null}
                  placeholder={t('organizations.productTagsPlaceholder')}
                  data-testid="org-product-tags"
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="address" label={t('organizations.address')}>
                <Input data-testid="org-address" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('organizations.partyOrganization')} className="form-card">
          <PartyOrganizationFields />
        </Card>
        <Card title={t('organizations.contacts')} className="form-card">
          <ContactsFields />
        </Card>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="org-submit"
          >
            {t('common.save')}
          </Button>
          <Button onClick={done}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
