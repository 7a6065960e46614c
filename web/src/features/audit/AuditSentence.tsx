import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from './api';
import { changeText, objectLink, objectPhrase } from './describe';

const MAX_CHANGES = 4;

/** 修改了 会议《…》：状态 已安排 → 已取消, with the object linked to its page. */
export function AuditSentence({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const phrase = objectPhrase(t, entry);
  const link = objectLink(entry);
  const changes = entry.changes.map((change) => changeText(t, entry.object.kind, change));
  const shown = changes.slice(0, MAX_CHANGES).join(t('audit.changeSeparator'));
  const more = changes.length > MAX_CHANGES ? t('audit.moreChanges', { count: changes.length - MAX_CHANGES }) : '';
  return (
    <span data-testid="audit-sentence">
      {t(`audit.verbs.${entry.action}`)}{' '}
      {link ? (
        <Link to={link} onClick={(event) => event.stopPropagation()}>
          {phrase}
        </Link>
      ) : (
        <Typography.Text>{phrase}</Typography.Text>
      )}
      {shown && `${t('audit.changesIntro')}${shown}${more}`}
    </span>
  );
}
