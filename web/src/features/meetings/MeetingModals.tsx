import { DatePicker, Form, Input, Modal, Radio, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { inShanghai, shanghaiInstant, useCancelMeeting, useReschedule, useRsvp, type Meeting } from './api';
import { UserSelect } from './UserSelect';

type Scope = 'this' | 'following';

function ScopeField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="scope" label={t('meetings.scope.label')} initialValue="this">
      <Radio.Group
        data-testid="meeting-scope"
        options={(['this', 'following'] as const).map((scope) => ({
          value: scope,
          label: t(`meetings.scope.${scope}`),
        }))}
      />
    </Form.Item>
  );
}

/** 取消会议 with a reason; for a series, this occurrence or this and all following. */
export function CancelMeetingModal({
  meeting,
  open,
  onClose,
}: {
  meeting: Meeting;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; scope?: Scope }>();
  const cancel = useCancelMeeting(meeting.id);
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('meetings.cancel.title')}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      okText={t('meetings.cancel.ok')}
      okButtonProps={{ danger: true, loading: cancel.isPending, ...({ 'data-testid': 'meeting-cancel-ok' } as object) }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          cancel.mutate(
            { reason: values.reason.trim(), scope: meeting.seriesId ? values.scope : undefined },
            { onSuccess: onClose, onError: (error) => showError(error, form) },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('meetings.cancel.reason')}
          rules={[{ required: true, whitespace: true, message: t('meetings.cancel.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="meeting-cancel-reason" />
        </Form.Item>
        {meeting.seriesId && <ScopeField />}
      </Form>
    </Modal>
  );
}

interface RescheduleValues {
  date: Dayjs;
  startTime: Dayjs;
  endTime: Dayjs;
  scope?: Scope;
}

/** 改期: a new date and time; for a series, this occurrence or this and all following. */
export function RescheduleModal({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RescheduleValues>();
  const reschedule = useReschedule(meeting.id);
  const showError = useShowError();
  const start = inShanghai(meeting.startsAt);
  const end = inShanghai(meeting.endsAt);
  return (
    <Modal
      open={open}
      title={t('meetings.reschedule.title')}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      okText={t('meetings.reschedule.ok')}
      okButtonProps={{ loading: reschedule.isPending, ...({ 'data-testid': 'meeting-reschedule-ok' } as object) }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          date: dayjs(start.format('YYYY-MM-DD')),
          startTime: dayjs(`2000-01-01 ${start.format('HH:mm')}`),
          endTime: dayjs(`2000-01-01 ${end.format('HH:mm')}`),
        }}
        onFinish={(values) =>
          reschedule.mutate(
            {
              startsAt: shanghaiInstant(values.date, values.startTime),
              endsAt: shanghaiInstant(values.date, values.endTime),
              scope: meeting.seriesId ? values.scope : undefined,
            },
            { onSuccess: onClose, onError: (error) => showError(error, form) },
          )
        }
      >
        <Form.Item
          name="date"
          label={t('meetings.form.date')}
          rules={[{ required: true, message: t('meetings.form.dateRequired') }]}
        >
          <DatePicker data-testid="meeting-reschedule-date" />
        </Form.Item>
        <Form.Item
          name="startTime"
          label={t('meetings.form.startTime')}
          rules={[{ required: true, message: t('meetings.form.timeRequired') }]}
        >
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item
          name="endTime"
          label={t('meetings.form.endTime')}
          rules={[{ required: true, message: t('meetings.form.timeRequired') }]}
        >
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        {meeting.seriesId && <ScopeField />}
      </Form>
    </Modal>
  );
}

/** 请假 with a reason, or 委托 a colleague. */
export function RsvpModal({
  meeting,
  kind,
  onClose,
}: {
  meeting: Meeting;
  kind: 'declined' | 'delegated' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string; delegateUserId?: string }>();
  const rsvp = useRsvp(meeting.id);
  const showError = useShowError();
  return (
    <Modal
      open={kind !== null}
      title={kind ? t(`meetings.rsvp.${kind === 'declined' ? 'decline' : 'delegate'}`) : ''}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      okText={t('meetings.rsvp.ok')}
      okButtonProps={{ loading: rsvp.isPending, ...({ 'data-testid': 'rsvp-ok' } as object) }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          rsvp.mutate(
            kind === 'declined'
              ? { response: 'declined', reason: values.reason!.trim() }
              : { response: 'delegated', delegateUserId: values.delegateUserId },
            { onSuccess: onClose, onError: (error) => showError(error, form) },
          )
        }
      >
        {kind === 'declined' && (
          <Form.Item
            name="reason"
            label={t('meetings.rsvp.reason')}
            rules={[{ required: true, whitespace: true, message: t('meetings.rsvp.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="rsvp-reason" />
          </Form.Item>
        )}
        {kind === 'delegated' && (
          <Form.Item
            name="delegateUserId"
            label={t('meetings.rsvp.delegateTo')}
            rules={[{ required: true, message: t('meetings.rsvp.delegateRequired') }]}
          >
            <UserSelect allianceId={meeting.allianceId} data-testid="rsvp-delegate" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
