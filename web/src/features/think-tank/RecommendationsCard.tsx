import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Progress, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiDate } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { ActionItemsTable } from '../action-items';
import { OrganizationSelect } from '../organizations';
import { type Report, useAddRecommendation, useRecommendations } from './api';

interface Values {
  title: string;
  description?: string;
  ownerOrganizationId: string;
  dueOn: Dayjs;
}

function AddRecommendationModal({ report, open, onClose }: { report: Report; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const add = useAddRecommendation(report.id);
  return (
    <Modal
      open={open}
      title={t('thinkTank.recommendations.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending, ...({ 'data-testid': 'recommendation-submit' } as object) }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          add.mutate(
            {
              title: values.title,
              description: values.description || undefined,
              ownerOrganizationId: values.ownerOrganizationId,
              dueOn: toApiDate(values.dueOn)!,
            },
            {
              onSuccess: () => {
                void message.success(t('thinkTank.recommendations.added'));
                form.resetFields();
                onClose();
              },
              onError: (error) => showError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('actionItems.fields.title')}
          rules={[{ required: true, min: 2, message: t('actionItems.create.titleRequired') }]}
        >
          <Input maxLength={300} data-testid="recommendation-title" />
        </Form.Item>
        <Form.Item name="description" label={t('actionItems.fields.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="ownerOrganizationId"
          label={t('actionItems.fields.owner')}
          rules={[{ required: true, message: t('actionItems.create.ownerRequired') }]}
        >
          <OrganizationSelect data-testid="recommendation-owner" />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('actionItems.fields.dueOn')}
          rules={[{ required: true, message: t('actionItems.create.dueRequired') }]}
        >
          <DatePicker data-testid="recommendation-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 成果转化: an accepted report's recommendations as action items, and how many are done. */
export function RecommendationsCard({ report }: { report: Report }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const { total, done } = report.recommendations;
  const list = useRecommendations(report.id, true);
  const editor = report.viewerRole === 'editor';
  return (
    <Card
      title={t('thinkTank.recommendations.title')}
      data-testid="recommendations"
      extra={
        editor && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="recommendation-add">
            {t('thinkTank.recommendations.add')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space data-testid="recommendations-progress" data-done={done} data-total={total}>
          <Progress type="circle" size={56} percent={total === 0 ? 0 : Math.round((done / total) * 100)} />
          <Typography.Text>{t('thinkTank.recommendations.progress', { done, total })}</Typography.Text>
        </Space>
        <ActionItemsTable items={list.data ?? []} loading={list.isLoading} testId="recommendations-list" />
      </Space>
      {editor && <AddRecommendationModal report={report} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
