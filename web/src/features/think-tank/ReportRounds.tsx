import { Alert, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import type { Criterion, Report, Review, Round } from './api';
import { AssignmentStatusTag, DecisionTag, DueText, reviewerLabel } from './labels';

/** One review: scores against the round's rubric and the comments the viewer may see. */
export function ReviewCard({ review, rubric, testId }: { review: Review; rubric: Criterion[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      data-testid={testId ?? 'review'}
      data-ordinal={review.ordinal}
      title={
        <Space wrap>
          <span data-testid="review-reviewer">{reviewerLabel(t, review.ordinal, review.reviewer?.displayName)}</span>
          <AssignmentStatusTag status={review.status} />
          {review.recommendation && <DecisionTag decision={review.recommendation} />}
        </Space>
      }
      extra={
        review.status === 'invited' || review.status === 'accepted' ? (
          <DueText value={review.status === 'invited' ? review.respondBy : review.dueAt} />
        ) : null
      }
    >
      {review.scores && Object.keys(review.scores).length > 0 && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} data-testid="review-scores">
          {rubric.map((criterion) => (
            <Descriptions.Item key={criterion.key} label={criterion.label}>
              {review.scores?.[criterion.key] ?? '—'} / {criterion.maxScore}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {review.commentsToAuthors && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="review-comments">
          <Typography.Text strong>{t('thinkTank.review.commentsToAuthors')}：</Typography.Text>
          {review.commentsToAuthors}
        </Typography.Paragraph>
      )}
      {review.confidentialComments && (
        <Alert
          type="warning"
          data-testid="review-confidential"
          message={t('thinkTank.review.confidentialComments')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{review.confidentialComments}</span>}
        />
      )}
      {review.submittedAt && (
        <Typography.Text type="secondary">
          {t('thinkTank.review.submittedAt')}：{formatDateTime(review.submittedAt)}
        </Typography.Text>
      )}
    </Card>
  );
}

function RoundCard({ round, report }: { round: Round; report: Report }) {
  const { t } = useTranslation();
  const waiting = round.reviews.length === 0;
  return (
    <Card
      data-testid={`round-${round.number}`}
      title={t('thinkTank.rounds.round', { n: round.number, version: round.versionNumber })}
      extra={round.decision && <DecisionTag decision={round.decision} testId={`round-${round.number}-decision`} />}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {round.decisionLetter && (
          <Alert
            type={round.decision === 'accept' ? 'success' : round.decision === 'reject' ? 'error' : 'info'}
            data-testid="decision-letter"
            message={`${t('thinkTank.rounds.letter')} · ${formatDateTime(round.decidedAt)}`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{round.decisionLetter}</span>}
          />
        )}
        {waiting ? (
          <Typography.Text type="secondary">
            {report.viewerRole === 'author' && !round.decision
              ? t('thinkTank.rounds.inReview')
              : t('thinkTank.rounds.noReviews')}
          </Typography.Text>
        ) : (
          round.reviews.map((review) => <ReviewCard key={review.ordinal} review={review} rubric={round.rubric} />)
        )}
      </Space>
    </Card>
  );
}

/** The review rounds, latest first. */
export function ReportRounds({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.rounds.length === 0)
    return (
      <Card title={t('thinkTank.rounds.title')}>
        <Empty description={t('thinkTank.rounds.none')} />
      </Card>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="report-rounds">
      {[...report.rounds].reverse().map((round) => (
        <RoundCard key={round.number} round={round} report={report} />
      ))}
    </Space>
  );
}
