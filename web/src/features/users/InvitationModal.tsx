import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationLink } from './InvitationLink';

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  submitting: boolean;
  submitTestId: string;
  /** Set once the invitation exists: the form gives way to the link to send. */
  invitationUrl: string | null;
  onSubmit: () => void;
  onClose: () => void;
  /** Reset the form and the link after the modal has closed. */
  afterClose: () => void;
  /** The form; hide it once `invitationUrl` is set. */
  children: ReactNode;
}

/** A modal that creates an invitation, then shows its link in place of the form. */
export function InvitationModal({
  open,
  title,
  submitLabel,
  submitting,
  submitTestId,
  invitationUrl,
  onSubmit,
  onClose,
  afterClose,
  children,
}: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      afterClose={afterClose}
      forceRender
      footer={
        invitationUrl
          ? [
              <Button key="done" type="primary" onClick={onClose}>
                {t('common.done')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="submit" type="primary" loading={submitting} onClick={onSubmit} data-testid={submitTestId}>
                {submitLabel}
              </Button>,
            ]
      }
    >
      {invitationUrl && <InvitationLink url={invitationUrl} />}
      {children}
    </Modal>
  );
}
