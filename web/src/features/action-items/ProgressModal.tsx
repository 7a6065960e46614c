import { App, Form, Input, Modal, Slider } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useReportProgress, type ActionItem } from './api';

/** Reports progress on an action item: a slider (100 = done) and a note. */
export function ProgressModal({ item, onClose }: { item: ActionItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ progress: number; note?: string }>();
  const report = useReportProgress();
  const showError = useShowError();
  useEffect(() => {
    if (item) form.setFieldsValue({ progress: item.progress, note: '' });
  }, [item, form]);
  return (
    <Modal
      open={!!item}
      title={t('actionItems.progress.title', { title: item?.title ?? '' })}
      okText={t('actionItems.progress.submit')}
      confirmLoading={report.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'action-progress-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          item &&
          report.mutate(
            { id: item.id, progress: values.progress, note: values.note?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t('actionItems.progress.saved'));
                onClose();
              },
              onError: (error) => showError(error, form),
            },
          )
        }
      >
        <Form.Item name="progress" label={t('actionItems.progress.label')}>
          <Slider
            min={0}
            max={100}
            step={5}
            marks={{ 0: '0%', 50: '50%', 100: '100%' }}
            data-testid="action-progress-slider"
          />
        </Form.Item>
        <Form.Item name="note" label={t('actionItems.progress.note')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="action-progress-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
