import { ReadOutlined } from '@ant-design/icons';
import { Card, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimilarArticles, type SimilarArticle } from './api';

interface Props {
  allianceId?: string;
  title?: string;
  description?: string;
}

const firstLine = (text: string) => text.split(/\r?\n/).find((line) => line.trim().length > 0) ?? '';

/**
 * 相似问答: up to five published questions and answers of the alliance's knowledge base close to what
 * the enterprise has typed, each its title and the answer's first line, opening the whole answer.
 * Nothing shows until there is one.
 */
export function SimilarArticles({ allianceId, title, description }: Props) {
  const { t } = useTranslation();
  const similar = useSimilarArticles(allianceId, title ?? '', description ?? '');
  const [open, setOpen] = useState<SimilarArticle | null>(null);
  const articles = similar.data ?? [];
  if (articles.length === 0) return null;
  return (
    <Card size="small" style={{ margin: '-8px 0 16px' }} data-testid="similar-articles">
      <Typography.Text type="secondary">
        <ReadOutlined /> {t('intake.similarArticles')}
      </Typography.Text>
      <List
        size="small"
        dataSource={articles}
        renderItem={(article) => (
          <List.Item key={article.id} style={{ paddingInline: 0 }}>
            <List.Item.Meta
              title={
                <Typography.Link onClick={() => setOpen(article)} data-testid="similar-article">
                  {article.title}
                </Typography.Link>
              }
              description={<Typography.Text ellipsis>{firstLine(article.answer)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
      <Modal
        open={open !== null}
        title={open?.title}
        footer={null}
        onCancel={() => setOpen(null)}
        data-testid="similar-article-modal"
      >
        {open && (
          <>
            <Typography.Title level={5}>{t('intake.question')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{open.question}</Typography.Paragraph>
            <Typography.Title level={5}>{t('intake.answer')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{open.answer}</Typography.Paragraph>
            <Typography.Text type="secondary">{open.allianceName}</Typography.Text>
          </>
        )}
      </Modal>
    </Card>
  );
}
