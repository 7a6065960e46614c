import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../src/notification-types';
import { registeredNotificationTypes } from '../../src/platform/notifications/notification-registry';

/**
 * Every notification type the server sends has a name in both languages, and the web app offers
 * each one: the notification list, the preferences and the robots show `typeLabel`, which falls
 * back to the raw id (`meeting.invited`) when a name is missing.
 */
const messages = (language: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../web/src/i18n', `${language}.json`), 'utf8')) as {
    notificationTypes: Record<string, Record<string, unknown>>;
  };

/** `notificationTypes.meeting.invited`: the first dot separates the namespace, as i18next reads it. */
function nameOf(language: string, type: string): unknown {
  const [namespace, ...rest] = type.split('.');
  return messages(language).notificationTypes[namespace]?.[rest.join('.')];
}

const serverTypes = registeredNotificationTypes();

/** The web app's list (web/src/features/notifications/types.ts), read as text: the web app builds apart from the API. */
function webTypes(): string[] {
  const source = readFileSync(join(__dirname, '../../web/src/features/notifications/types.ts'), 'utf8');
  const list = /export const NOTIFICATION_TYPES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

describe('notification type names', () => {
  it.each(serverTypes)('%s has a Chinese name', (type) => {
    const name = nameOf('zh-CN', type);
    expect(typeof name).toBe('string');
    expect(name).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*$/);
  });

  it.each(serverTypes)('%s has an English name', (type) => {
    const name = nameOf('en-US', type);
    expect(typeof name).toBe('string');
    expect(name).toMatch(/^[A-Z][\x20-\x7e]+$/);
  });

  it('the web app offers exactly the server types', () => {
    expect(webTypes().sort()).toEqual([...serverTypes].sort());
  });
});
