import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import type { ServiceRequestDetail } from './api';
import { ACTIONS, useRequestAction, type RequestAction } from './actions';
import { ActionModal, MODAL_ACTIONS, type ModalAction } from './ActionModal';

const PRIMARY: readonly RequestAction[] = ['accept', 'start', 'resolve', 'provide_information', 'rate'];
const DANGER: readonly RequestAction[] = ['reject'];

const needsModal = (action: RequestAction): action is ModalAction =>
  (MODAL_ACTIONS as readonly string[]).includes(action);

/** Exactly the buttons the API allows now (`allowedActions`); those that need input open a modal. */
export function ActionBar({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const run = useRequestAction(request.id);
  const [modal, setModal] = useState<ModalAction | null>(null);
  const allowed = ACTIONS.filter((action) => request.allowedActions.includes(action));

  const done = (action: RequestAction, handedOver: boolean) => {
    void message.success(t(`serviceRequests.actionDone.${action}`));
    if (handedOver) void navigate('/service-inbox');
  };

  const click = (action: RequestAction) => {
    if (needsModal(action)) {
      setModal(action);
      return;
    }
    run.mutate(
      { action },
      {
        onSuccess: ({ handedOver }) => done(action, handedOver),
        onError: (error) => showError(error),
      },
    );
  };

  if (allowed.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="sr-actions">
        {allowed.map((action) => (
          <Button
            key={action}
            type={PRIMARY.includes(action) ? 'primary' : 'default'}
            danger={DANGER.includes(action)}
            loading={run.isPending && run.variables?.action === action}
            onClick={() => click(action)}
            data-testid={`sr-action-${action}`}
          >
            {t(`serviceRequests.actions.${action}`)}
          </Button>
        ))}
      </Space>
      <ActionModal request={request} action={modal} onClose={() => setModal(null)} onDone={done} />
    </>
  );
}
