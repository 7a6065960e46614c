import { Button, Form, Input, Modal, Rate, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { OrganizationSelect } from '../organizations';
import { useServiceRequests, type ServiceRequestDetail } from './api';
import { useRequestAction, type ActionInput, type RequestAction } from './actions';

/** The actions that ask for something first (a reason, a resolution, a rating, an organisation) or a confirmation. */
export const MODAL_ACTIONS = [
  'return',
  'reject',
  'reopen',
  'provide_information',
  'transfer',
  'route',
  'resolve',
  'rate',
  'merge',
  'close',
] as const satisfies readonly RequestAction[];
export type ModalAction = (typeof MODAL_ACTIONS)[number];

type Values = Partial<{
  reason: string;
  information: string;
  resolution: string;
  organizationId: string;
  rating: number;
  comment: string;
  intoId: string;
}>;

function toInput(action: ModalAction, v: Values): ActionInput {
  switch (action) {
    case 'return':
    case 'reject':
    case 'reopen':
      return { action, reason: v.reason!.trim() };
    case 'provide_information':
      return { action, information: v.information!.trim() };
    case 'transfer':
      return { action, organizationId: v.organizationId!, reason: v.reason!.trim() };
    case 'route':
      return { action, organizationId: v.organizationId! };
    case 'resolve':
      return { action, resolution: v.resolution!.trim() };
    case 'rate':
      return { action, rating: v.rating!, comment: v.comment?.trim() || undefined };
    case 'merge':
      return { action, intoId: v.intoId! };
    case 'close':
      return { action };
  }
}

/** Another open request of the same alliance to merge a duplicate into. */
function MergeTargetSelect({
  request,
  value,
  onChange,
}: {
  request: ServiceRequestDetail;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const list = useServiceRequests({ allianceId: request.allianceId });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      loading={list.isPending}
      placeholder={t('serviceRequests.modal.mergePlaceholder')}
      options={list.items
        .filter((r) => r.id !== request.id && !r.mergedIntoId)
        .map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }))}
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
    />
  );
}

export function ActionModal({
  request,
  action,
  onClose,
  onDone,
}: {
  request: ServiceRequestDetail;
  action: ModalAction | null;
  onClose: () => void;
  onDone: (action: RequestAction, handedOver: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const run = useRequestAction(request.id);
  const showError = useShowError();
  // Keep the last action's fields while the modal animates closed.
  const [last, setLast] = useState<ModalAction | null>(action);
  if (action && action !== last) setLast(action);
  const shown = action ?? last;
  const required = (key: string) => [{ required: true, whitespace: true, min: 2, message: t(key) }];

  const onFinish = (values: Values) => {
    if (!shown) return;
    run.mutate(toInput(shown, values), {
      onSuccess: ({ handedOver }) => {
        onDone(shown, handedOver);
        onClose();
      },
      onError: (error) => showError(error, form),
    });
  };

  const reasonLabel = shown ? t(`serviceRequests.modal.reasonLabels.${shown}`) : '';

  return (
    <Modal
      open={action !== null}
      title={shown ? t(`serviceRequests.actions.${shown}`) : ''}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={shown === 'reject'}
          loading={run.isPending}
          onClick={() => form.submit()}
          data-testid="sr-modal-ok"
        >
          {t('serviceRequests.modal.ok')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="sr-action-form">
        {shown === 'close' && <Typography.Paragraph>{t('serviceRequests.modal.closeConfirm')}</Typography.Paragraph>}
        {shown === 'rate' && (
          <>
            <Form.Item
              name="rating"
              label={t('serviceRequests.modal.rating')}
              rules={[{ required: true, message: t('serviceRequests.modal.ratingRequired') }]}
            >
              <Rate data-testid="sr-rating" />
            </Form.Item>
            <Form.Item name="comment" label={t('serviceRequests.modal.ratingComment')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} data-testid="sr-modal-comment" />
            </Form.Item>
          </>
        )}
        {(shown === 'transfer' || shown === 'route') && (
          <Form.Item
            name="organizationId"
            label={t('serviceRequests.modal.organization')}
            rules={[{ required: true, message: t('serviceRequests.modal.organizationRequired') }]}
          >
            <OrganizationSelect kind="department" data-testid="sr-modal-organization" />
          </Form.Item>
        )}
        {shown === 'merge' && (
          <Form.Item
            name="intoId"
            label={t('serviceRequests.modal.mergeInto')}
            rules={[{ required: true, message: t('serviceRequests.modal.mergeRequired') }]}
          >
            <MergeTargetSelect request={request} />
          </Form.Item>
        )}
        {(shown === 'return' || shown === 'reject' || shown === 'reopen' || shown === 'transfer') && (
          <Form.Item name="reason" label={reasonLabel} rules={required('serviceRequests.modal.textRequired')}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="sr-modal-text" />
          </Form.Item>
        )}
        {shown === 'provide_information' && (
          <Form.Item
            name="information"
            label={t('serviceRequests.modal.information')}
            rules={required('serviceRequests.modal.textRequired')}
          >
            <Input.TextArea rows={4} maxLength={5000} data-testid="sr-modal-text" />
          </Form.Item>
        )}
        {shown === 'resolve' && (
          <Form.Item
            name="resolution"
            label={t('serviceRequests.modal.resolution')}
            rules={required('serviceRequests.modal.textRequired')}
          >
            <Input.TextArea rows={4} maxLength={5000} data-testid="sr-modal-text" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
