import type { Language } from '../errors/localized-messages';

/**
 * The typed map of notification types, empty here: each feature adds its types in a
 * `<feature>.notifications.ts` beside it, by declaration merging, with the payload each carries, and
 * registers their zh-CN and en templates with `defineNotificationTypes`, so this folder names no
 * feature and a new feature changes no platform file:
 *
 *   export enum ThingNotification { ThingDone = 'thing.done' }
 *   declare module '../../platform/notifications/notification-registry' {
 *     interface NotificationPayloads { [ThingNotification.ThingDone]: { thingId: string; title: string } }
 *   }
 *   defineNotificationTypes(ThingNotification, {
 *     [ThingNotification.ThingDone]: (p) => ({ 'zh-CN': { title, body }, en: { title, body }, link }),
 *   });
 *
 * The names are stored: the columns that hold a type reference the table notification_types, which
 * the code fills (notification-type-sync.ts: migration:run and the API's and the worker's start-up
 * add every name registered here, and never delete one). So a new type needs no migration, but a
 * shipped one is never renamed, and a name must be `<module>.<event>`, the event in kebab- or
 * snake_case (the table's check constraint; test/integration/notification-type-registry.test.ts).
 */
export interface NotificationPayloads {
  /** Not a type (a symbol, which `NotificationType` leaves out): an interface to merge into is never empty. */
  [registryKey]?: never;
}
declare const registryKey: unique symbol;

/** A notification type's name: the keys of the map. */
export type NotificationType = Extract<keyof NotificationPayloads, string>;

/** The message in both languages, and where in the web app it leads. */
export type LocalizedMessage = Record<Language, { title: string; body: string }> & { link?: string };

export type NotificationTemplate<T extends NotificationType> = (payload: NotificationPayloads[T]) => LocalizedMessage;

/** What the registry keeps: each template checked against its type's payload when it was defined. */
type StoredTemplate = (payload: object) => LocalizedMessage;

const templates = new Map<string, StoredTemplate>();
let sealed = false;

/**
 * Registers a feature's types (its enum of names) with a template for each; called once by each
 * notifications file when it loads.
 */
export function defineNotificationTypes<E extends Record<string, NotificationType>>(
  names: E,
  byType: { [K in E[keyof E]]: NotificationTemplate<K> },
): void {
  for (const name of Object.values(names) as E[keyof E][]) {
    if (templates.has(name)) throw new Error(`Notification type "${name}" is defined twice`);
    if (sealed) throw new Error(`Notification type "${name}" is defined after the registry was sealed`);
    templates.set(name, byType[name] as StoredTemplate);
  }
}

/** The template of a type. Whoever names a type has imported its notifications file, which defined it. */
export function templateOf(type: string): StoredTemplate {
  const template = templates.get(type);
  if (template === undefined)
    throw new Error(`Notification type "${type}" has no template: its notifications file did not define it`);
  return template;
}

let order: { name: NotificationType; module: string }[] = [];

/**
 * Called by the application's list of notifications files (src/notification-types.ts) once all of
 * them loaded, with their enums by the module that registers them, in the order people see the types
 * (the preferences page, the API document). What needs every type (validating a type sent to the API,
 * the API document, adding the names to notification_types) refuses to read a registry some feature
 * may be missing from; and a notifications file that loaded but is not on the list is refused here.
 */
export function sealNotificationRegistry(features: Readonly<Record<string, Record<string, NotificationType>>>): void {
  const listed = Object.entries(features).flatMap(([module, names]) =>
    Object.values(names).map((name) => ({ name, module })),
  );
  const names = listed.map((type) => type.name);
  const unlisted = [...templates.keys()].filter((name) => !names.includes(name as NotificationType));
  const undefinedTypes = names.filter((name) => !templates.has(name));
  if (unlisted.length > 0 || undefinedTypes.length > 0 || new Set(names).size !== names.length)
    throw new Error(
      `The notification types listed (src/notification-types.ts) and those defined disagree: not listed ${unlisted.join(', ') || 'none'}; without a template ${undefinedTypes.join(', ') || 'none'}`,
    );
  order = listed;
  sealed = true;
}

function sealedRegistry(): { name: NotificationType; module: string }[] {
  if (!sealed)
    throw new Error(
      'The notification type registry is incomplete: import src/notification-types.ts before reading every type',
    );
  return order;
}

/** Every registered type, in the order of the application's list. */
export function registeredNotificationTypes(): NotificationType[] {
  return sealedRegistry().map((type) => type.name);
}

/** Every registered type with the module that registers it, for notification_types. */
export function registeredNotificationTypeModules(): { name: NotificationType; module: string }[] {
  return sealedRegistry().map((type) => ({ ...type }));
}

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && registeredNotificationTypes().includes(value as NotificationType);
}
