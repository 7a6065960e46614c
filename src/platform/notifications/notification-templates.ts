import type { Language } from '../errors/localized-messages';
import { templateOf, type NotificationType } from './notification-registry';
import { clip } from './templates/template';

export interface RenderedNotification {
  title: string;
  body: string;
  /** A path of the web app. */
  link: string | null;
}

/** notifications.title is varchar(200). */
export const MAX_TITLE_LENGTH = 200;

/**
 * The message in one language, from the template its feature registered. Titles carry what people
 * typed (a file name, a report's title) after a prefix, so one can run past the column: it is cut
 * here rather than failing the insert, and with it the transaction of whatever the notification
 * reports. The payload is the stored one (events written by an older release may lack a newer field).
 */
export function renderNotification(type: NotificationType, payload: object, language: Language): RenderedNotification {
  const template = templateOf(type)(payload);
  const { title, body } = template[language];
  return { title: clip(title, MAX_TITLE_LENGTH), body, link: template.link ?? null };
}

export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
