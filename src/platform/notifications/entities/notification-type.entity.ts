import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every notification type the features ever registered, global (no township's): the columns that
 * hold a type reference it. The code owns it: migration:run and the API's and the worker's start-up
 * add the names registered in src/notification-types.ts (notification-type-sync.ts), and nothing
 * deletes one, since stored rows name old types. A name is `<module>.<event>`, the event in kebab- or
 * snake_case.
 */
@Entity('notification_types')
@Check('ck_notification_types__name', `"name" ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[a-z][a-z0-9]*([_-][a-z0-9]+)*$'`)
export class NotificationTypeRecord {
  @PrimaryColumn('text')
  name: string;

  /** The module (or platform part) whose notifications file registered it, as src/notification-types.ts names it. */
  @Column('text')
  module: string;

  @CreateDateColumn({ type: 'timestamptz' })
  registeredAt: Date;
}
