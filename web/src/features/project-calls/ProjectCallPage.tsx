import { App, Button, Card, Descriptions, Input, List, Select, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { PageHeader } from '../../lib/PageHeader';
import { STEPS, useAddNote, useAdvance, useApply, useCall, type Application, type ApplicationStep } from './api';

const NEXT: Record<ApplicationStep, ApplicationStep[]> = {
  preparing: ['materials_submitted'],
  materials_submitted: ['preparing', 'under_review'],
  under_review: ['approved', 'rejected'],
  approved: [],
  rejected: [],
};

/** A call with the actor's application (or, for the service team, every application) step by step. */
export function ProjectCallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const call = useCall(id);
  const apply = useApply();
  const showError = useShowError();
  if (!call.data) return null;
  const c = call.data;
  const isTeam = c.eligibleOrganizations.length > 0 || me?.role === 'township_admin';
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={c.issuingBody}
        extra={
          c.eligible &&
          !c.myApplicationId &&
          c.status === 'open' && (
            <Button
              type="primary"
              loading={apply.isPending}
              onClick={() => apply.mutate({ id }, { onError: (e) => showError(e) })}
              data-testid="call-apply"
            >
              {t('projectCalls.apply')}
            </Button>
          )
        }
      />
      <Card className="section-card" style={{ marginBottom: 16 }}>
        <Descriptions column={2}>
          <Descriptions.Item label={t('projectCalls.fields.deadline')}>{c.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('projectCalls.fields.eligibilityTags')}>
            {c.eligibilityTags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
        {c.description && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
        )}
        {isTeam && c.eligibleOrganizations.length > 0 && (
          <Typography.Paragraph type="secondary">
            {t('projectCalls.eligibleMembers')}: {c.eligibleOrganizations.map((o) => o.name).join('、')}
          </Typography.Paragraph>
        )}
      </Card>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {c.applications.map((a) => (
          <ApplicationCard key={a.id} application={a} canDecide={isTeam} />
        ))}
      </Space>
    </>
  );
}

function ApplicationCard({ application, canDecide }: { application: Application; canDecide: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const advance = useAdvance();
  const addNote = useAddNote();
  const showError = useShowError();
  const [note, setNote] = useState('');
  const [next, setNext] = useState<ApplicationStep | undefined>();
  const current = application.step === 'rejected' ? 3 : STEPS.indexOf(application.step);
  const options = NEXT[application.step].filter((s) => canDecide || !['approved', 'rejected'].includes(s));
  return (
    <Card className="section-card" title={application.organization.name} data-testid="application-card">
      <Steps
        current={current}
        status={application.step === 'rejected' ? 'error' : application.step === 'approved' ? 'finish' : 'process'}
        items={STEPS.map((s, i) => ({
          title:
            i === 3 && application.step === 'rejected'
              ? t('projectCalls.steps.rejected')
              : t(`projectCalls.steps.${s}`),
        }))}
        style={{ marginBottom: 16 }}
      />
      <Timeline
        items={application.notes.map((n) => ({
          children: (
            <>
              <Typography.Text type="secondary">{`${formatDateTime(n.createdAt)} · ${n.author.displayName} · ${t(`projectCalls.steps.${n.step}`)}`}</Typography.Text>
              {n.note && <div>{n.note}</div>}
            </>
          ),
        }))}
      />
      <List.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('projectCalls.notePlaceholder')}
            maxLength={2000}
          />
          <Space wrap>
            <Button
              disabled={!note.trim()}
              onClick={() =>
                addNote.mutate(
                  { id: application.id, note: note.trim() },
                  { onSuccess: () => setNote(''), onError: (e) => showError(e) },
                )
              }
            >
              {t('projectCalls.addNote')}
            </Button>
            {options.length > 0 && (
              <>
                <Select
                  style={{ width: 180 }}
                  placeholder={t('projectCalls.nextStep')}
                  value={next}
                  onChange={setNext}
                  options={options.map((s) => ({ value: s, label: t(`projectCalls.steps.${s}`) }))}
                />
                <Button
                  type="primary"
                  disabled={!next}
                  onClick={() =>
                    next &&
                    advance.mutate(
                      { id: application.id, step: next, note: note.trim() || undefined },
                      {
                        onSuccess: () => (setNote(''), setNext(undefined), void message.success(t('common.saved'))),
                        onError: (e) => showError(e),
                      },
                    )
                  }
                >
                  {t('projectCalls.advance')}
                </Button>
              </>
            )}
          </Space>
        </Space>
      </List.Item>
    </Card>
  );
}
