import { BulbOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useIntakeSuggestions } from './api';

interface Props {
  allianceId?: string;
  title?: string;
  description?: string;
  /** The category chosen now. */
  value?: string;
  onPick: (categoryId: string) => void;
  /** The model is confident of its first category: the form may choose it if the enterprise has not. */
  onPreselect: (categoryId: string) => void;
}

/**
 * 智能推荐类别: the township model's three likeliest categories for what the enterprise has typed so
 * far, each a tag that chooses it. Nothing shows until there is a suggestion.
 */
export function CategorySuggestions({ allianceId, title, description, value, onPick, onPreselect }: Props) {
  const { t } = useTranslation();
  const suggestions = useIntakeSuggestions(allianceId, title ?? '', description ?? '');
  const categories = suggestions.data?.categories;
  const offered = (categories?.suggestions ?? []).filter((s) => s.categoryId);
  const preselect = offered.find((s) => s.code === categories?.preselect)?.categoryId;

  useEffect(() => {
    if (preselect) onPreselect(preselect);
  }, [preselect, onPreselect]);

  if (offered.length === 0) return null;
  return (
    <div className="intake-suggestions" style={{ margin: '-8px 0 16px' }} data-testid="intake-suggestions">
      <Space wrap size={[4, 4]}>
        <Typography.Text type="secondary">
          <BulbOutlined /> {t('intake.suggested')}
        </Typography.Text>
        {offered.map((s) => (
          <Tag.CheckableTag
            key={s.code}
            checked={s.categoryId === value}
            onChange={() => onPick(s.categoryId!)}
            data-testid={`intake-suggestion-${s.code}`}
          >
            {s.name} {Math.round(s.probability * 100)}%
          </Tag.CheckableTag>
        ))}
      </Space>
    </div>
  );
}
