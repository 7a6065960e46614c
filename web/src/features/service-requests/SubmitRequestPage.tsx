import { PaperClipOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Upload,
  type GetProp,
  type UploadFile,
  type UploadProps,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CameraButton } from '../../lib/CameraButton';
import { useIsPhone } from '../../lib/useIsPhone';
import { useShowError } from '../../lib/useShowError';
import { AllianceName, AllianceSelect } from '../alliances';
import { useAllianceContext } from '../alliances';
import { useMe } from '../auth/api';
import { CategorySuggestions, SimilarArticles } from '../intake';
import { EmptyState } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import {
  newIdempotencyKey,
  uploadAttachment,
  useSubmitServiceRequest,
  type ServiceRequestDetail,
  type SubmitInput,
} from './api';
import { ATTACHMENT_ACCEPT } from './AttachmentsCard';
import { CategorySelect } from './CategorySelect';

const METHODS = ['phone', 'visit', 'online'] as const;

type RcFile = Parameters<GetProp<UploadProps, 'beforeUpload'>>[0];

let photos = 0;
/** A photo from the camera, in the list of files to upload once the request exists (the File as it came). */
function asUploadFile(photo: File): UploadFile {
  return {
    uid: `camera-${++photos}`,
    name: photo.name,
    size: photo.size,
    type: photo.type,
    status: 'done',
    originFileObj: photo as RcFile,
  };
}

/** 提交服务请求: the order, then its attachments, then the detail page. */
export function SubmitRequestPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const { data: me } = useMe();
  // Only the alliances the enterprise may submit to (its lead or member ones): the API refuses others.
  const context = useAllianceContext({ scope: 'requester' });
  const [form] = Form.useForm<SubmitInput>();
  const submit = useSubmitServiceRequest();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  // The same values submitted again (a retry after a failure) reuse the key: never two requests.
  const attempt = useRef<{ key: string; values: string } | null>(null);
  const allianceId = Form.useWatch('allianceId', form);
  const categoryId = Form.useWatch('categoryId', form);
  const title = Form.useWatch('title', form);
  const description = Form.useWatch('description', form);
  const phone = useIsPhone();
  // Whether the enterprise chose the category itself: a suggestion never overrides its choice.
  const pickedByUser = useRef(false);
  const [preselected, setPreselected] = useState(false);
  const preselect = useCallback(
    (id: string) => {
      if (pickedByUser.current || form.getFieldValue('categoryId') === id) return;
      form.setFieldValue('categoryId', id);
      setPreselected(true);
    },
    [form],
  );
  const pickSuggestion = (id: string) => {
    pickedByUser.current = true;
    setPreselected(false);
    form.setFieldValue('categoryId', id);
  };

  useEffect(() => {
    if (context.allianceId && form.getFieldValue('allianceId') !== context.allianceId) {
      form.setFieldsValue({ allianceId: context.allianceId, categoryId: undefined });
      pickedByUser.current = false;
    }
  }, [context.allianceId, form]);

  useEffect(() => {
    if (me && !form.getFieldValue(['preferredContact', 'name'])) {
      form.setFieldValue(['preferredContact', 'name'], me.displayName);
    }
  }, [me, form]);

  const uploadAll = async (requestId: string) => {
    const failed: string[] = [];
    for (const file of files) {
      try {
        await uploadAttachment(requestId, file.originFileObj as File);
      } catch (error) {
        failed.push(file.name);
        showError(error);
      }
    }
    return failed;
  };

  /** After the request is in: its photos, then its page (an upload failure has been shown already). */
  const afterSubmit = async (created: Pick<ServiceRequestDetail, 'id' | 'number'>) => {
    attempt.current = null;
    setUploading(true);
    const failed = await uploadAll(created.id);
    setUploading(false);
    if (failed.length === 0) void message.success(t('serviceRequests.form.submitted', { number: created.number }));
    await navigate(`/service-requests/${created.id}`);
  };

  const onFinish = (values: SubmitInput) => {
    const input: SubmitInput = {
      ...values,
      title: values.title.trim(),
      description: values.description.trim(),
      preferredContact: {
        name: values.preferredContact?.name?.trim() || undefined,
        phone: values.preferredContact?.phone?.trim() || undefined,
        method: values.preferredContact?.method,
      },
    };
    const serialized = JSON.stringify(input);
    if (attempt.current?.values !== serialized) attempt.current = { key: newIdempotencyKey(), values: serialized };
    submit.mutate(
      { input, idempotencyKey: attempt.current.key },
      {
        onSuccess: (created) => void afterSubmit(created),
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('nav.submitServiceRequest')}
        subtitle={
          <>
            {me?.organization?.name}
            {me?.organization && context.alliance && ' · '}
            <AllianceName alliance={context.alliance} />
          </>
        }
      />
      {!context.isPending && context.alliances.length === 0 ? (
        <Card className="form-card">
          <EmptyState text={t('allianceContext.noRequesterAlliance')} />
        </Card>
      ) : (
        <Card className="form-card">
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            onValuesChange={(changed: Partial<SubmitInput>) => {
              // Only the enterprise's own changes come here (setFieldValue does not).
              if ('categoryId' in changed) {
                pickedByUser.current = Boolean(changed.categoryId);
                setPreselected(false);
              }
            }}
            initialValues={{ urgency: 'normal', preferredContact: { method: 'phone' } }}
            data-testid="sr-submit-form"
          >
            <Row gutter={16}>
              {/* One alliance: the header names it, there is nothing to choose. */}
              <Col xs={24} md={12} style={context.canChoose ? undefined : { display: 'none' }}>
                <Form.Item
                  name="allianceId"
                  label={t('serviceRequests.alliance')}
                  rules={[{ required: true, message: t('serviceRequests.form.allianceRequired') }]}
                >
                  <AllianceSelect
                    alliances={context.alliances}
                    loading={context.isPending}
                    testId="sr-alliance"
                    onChange={(id) => {
                      form.setFieldValue('categoryId', undefined);
                      pickedByUser.current = false;
                      context.setAllianceId(id);
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="categoryId"
                  label={t('serviceRequests.category')}
                  rules={[{ required: true, message: t('serviceRequests.form.categoryRequired') }]}
                  extra={preselected && <span data-testid="intake-preselected">{t('intake.preselected')}</span>}
                >
                  <CategorySelect allianceId={allianceId} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="title"
              label={t('serviceRequests.title')}
              rules={[
                { required: true, whitespace: true, message: t('serviceRequests.form.titleRequired') },
                { min: 2, max: 200, message: t('serviceRequests.form.titleRule') },
              ]}
            >
              <Input maxLength={200} showCount data-testid="sr-title" />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('serviceRequests.description')}
              rules={[
                { required: true, whitespace: true, message: t('serviceRequests.form.descriptionRequired') },
                { min: 5, max: 10000, message: t('serviceRequests.form.descriptionRule') },
              ]}
            >
              <Input.TextArea
                rows={5}
                maxLength={10000}
                placeholder={t('serviceRequests.form.descriptionPlaceholder')}
                data-testid="sr-description"
              />
            </Form.Item>
            <CategorySuggestions
              allianceId={allianceId}
              title={title}
              description={description}
              value={categoryId}
              onPick={pickSuggestion}
              onPreselect={preselect}
            />
            <SimilarArticles allianceId={allianceId} title={title} description={description} />
            <Form.Item name="urgency" label={t('serviceRequests.urgency')}>
              <Radio.Group
                optionType="button"
                options={(['normal', 'urgent'] as const).map((value) => ({
                  value,
                  label: t(`serviceRequests.urgencies.${value}`),
                }))}
                data-testid="sr-urgency"
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['preferredContact', 'name']}
                  label={t('serviceRequests.contact.name')}
                  rules={[{ max: 50 }]}
                >
                  <Input data-testid="sr-contact-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['preferredContact', 'phone']}
                  label={t('serviceRequests.contact.phone')}
                  rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('serviceRequests.contact.phoneInvalid') }]}
                >
                  <Input data-testid="sr-contact-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['preferredContact', 'method']} label={t('serviceRequests.contact.method')}>
                  <Select
                    options={METHODS.map((value) => ({ value, label: t(`serviceRequests.contactMethods.${value}`) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('serviceRequests.attachments')} extra={t('serviceRequests.attachmentTypes')}>
              {phone && (
                <div style={{ marginBottom: 8 }}>
                  <CameraButton
                    testId="sr-camera"
                    onPhoto={(photo) => {
                      const file = asUploadFile(photo);
                      setFiles((list) => [...list, file]);
                    }}
                  />
                </div>
              )}
              <Upload
                multiple
                accept={ATTACHMENT_ACCEPT}
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList)}
              >
                <Button icon={<PaperClipOutlined />} data-testid="sr-attach">
                  {t('serviceRequests.addAttachment')}
                </Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending || uploading} data-testid="sr-submit">
              {t('serviceRequests.form.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
