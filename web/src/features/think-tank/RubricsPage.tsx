import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { PageHeader } from '../../lib/PageHeader';
import { useRubric, useSaveRubric } from './api';
import { withGeneratedKeys } from './rubricKeys';

interface Values {
  /** Kept from the saved rubric, generated for a new criterion; never shown. */
  criteria: { key?: string; label: string; description?: string; maxScore: number }[];
}

function RubricEditor({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const rubric = useRubric(allianceId);
  const save = useSaveRubric(allianceId);
  useEffect(() => {
    if (rubric.data)
      form.setFieldsValue({ criteria: rubric.data.map((c) => ({ ...c, description: c.description ?? '' })) });
  }, [rubric.data, form]);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="rubric-form"
      onFinish={(values) =>
        save.mutate(
          {
            criteria: withGeneratedKeys(values.criteria).map((c) => ({
              ...c,
              description: c.description || undefined,
            })),
          },
          { onSuccess: () => void message.success(t('common.saved')), onError: (error) => showError(error, form) },
        )
      }
    >
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap data-testid="rubric-criterion">
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'label']}
                  label={t('thinkTank.rubric.label')}
                  rules={[{ required: true }]}
                >
                  <Input style={{ width: 180 }} maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} label={t('thinkTank.rubric.description')}>
                  <Input style={{ width: 280 }} maxLength={500} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'maxScore']}
                  label={t('thinkTank.rubric.maxScore')}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={1} max={100} precision={0} />
                </Form.Item>
                <Form.Item label=" ">
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                    aria-label={t('common.delete')}
                  />
                </Form.Item>
              </Space>
            ))}
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ label: '', maxScore: 5 })}
                disabled={fields.length >= 20}
              >
                {t('thinkTank.rubric.add')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rubric-save">
                {t('common.save')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** Officials: the review rubric (评审细则) of each alliance; a change applies to rounds opened afterwards. */
export function RubricsPage() {
  const { t } = useTranslation();
  const alliances = useAlliances();
  const [allianceId, setAllianceId] = useState<string | undefined>();
  const current = allianceId ?? alliances.items[0]?.id;
  return (
    <>
      <PageHeader title={t('thinkTank.rubric.title')} />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space>
            <Typography.Text>{t('thinkTank.fields.alliance')}</Typography.Text>
            <Select
              style={{ minWidth: 320 }}
              value={current}
              onChange={setAllianceId}
              loading={alliances.isLoading}
              options={alliances.items.map((a) => ({ value: a.id, label: a.name }))}
              data-testid="rubric-alliance"
            />
          </Space>
          <Typography.Text type="secondary">{t('thinkTank.rubric.help')}</Typography.Text>
          {current && <RubricEditor key={current} allianceId={current} />}
        </Space>
      </Card>
    </>
  );
}
