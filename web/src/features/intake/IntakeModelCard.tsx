import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useIntakeModel, useRetrainIntakeModel, type IntakeTraining } from './api';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * 智能派单模型: the township's model in use (trained when, on how many resolved requests, how often
 * right on the held-out fifth), and retraining with its progress.
 */
export function IntakeModelCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const model = useIntakeModel();
  const retrain = useRetrainIntakeModel();
  const current = model.data?.current;
  const latest = model.data?.latest;
  const training = latest?.status === 'queued' || latest?.status === 'running';
  const failed = latest?.status === 'failed' ? latest : null;

  return (
    <Card
      title={t('intake.model.title')}
      className="section-card"
      loading={model.isPending}
      data-testid="intake-model"
      extra={
        <Button
          icon={<ReloadOutlined />}
          loading={retrain.isPending}
          disabled={training}
          onClick={() =>
            retrain.mutate(undefined, {
              onSuccess: () => void message.success(t('intake.model.queued')),
              onError: (error) => showError(error),
            })
          }
          data-testid="intake-retrain"
        >
          {t('intake.model.retrain')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {training && (
          <div data-testid="intake-training">
            <Typography.Text>{t(`intake.model.status.${latest.status}`)}</Typography.Text>
            <Progress percent={latest.progress} size="small" />
          </div>
        )}
        {failed && (
          <Typography.Text type="warning" data-testid="intake-failed">
            {t(`intake.model.errors.${failed.error ?? 'training_failed'}`, {
              defaultValue: t('intake.model.errors.training_failed'),
            })}
          </Typography.Text>
        )}
        {current ? (
          <ModelFigures run={current} />
        ) : (
          <Typography.Text type="secondary">{t('intake.model.none')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}

function ModelFigures({ run }: { run: IntakeTraining }) {
  const { t } = useTranslation();
  const accuracy = run.accuracy;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="intake-figures">
      <Descriptions.Item label={t('intake.model.trainedAt')}>{formatDateTime(run.trainedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('intake.model.samples')}>
        {t('intake.model.samplesValue', { count: run.sampleCount, heldOut: accuracy?.heldOut ?? 0 })}
      </Descriptions.Item>
      {accuracy && (
        <>
          <Descriptions.Item label={t('intake.model.categoryAccuracy')}>
            {t('intake.model.accuracyValue', {
              top1: percent(accuracy.category.top1),
              top3: percent(accuracy.category.top3),
              baseline: percent(accuracy.category.baselineTop1),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('intake.model.departmentAccuracy')}>
            {t('intake.model.accuracyValue', {
              top1: percent(accuracy.department.top1),
              top3: percent(accuracy.department.top3),
              baseline: percent(accuracy.department.baselineTop1),
            })}
          </Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}
