import { DataSource } from 'typeorm';
import '../../src/notification-types';
import { registeredNotificationTypes } from '../../src/platform/notifications/notification-registry';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The database's check constraints list the names the features register (src/notification-types.ts):
 * a type added in code without a migration that re-creates the constraints fails here, not at the
 * first insert in production; a type dropped from code but still allowed fails here too.
 */
const CONSTRAINTS = [
  'ck_notification_events__type',
  'ck_notifications__type',
  'ck_notification_preferences__type',
  'ck_group_robots__types',
];

const MIGRATION = 'NotificationTypesAsText1795645000000';

describe('notification type constraints', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  /** The quoted names of a check constraint, as PostgreSQL prints it back. */
  async function namesIn(constraint: string): Promise<string[]> {
    const { rows } = await db.admin.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`,
      [constraint],
    );
    expect(rows).toHaveLength(1);
    return [...rows[0].def.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  }

  it.each(CONSTRAINTS)('%s allows exactly the registered types', async (constraint) => {
    expect((await namesIn(constraint)).sort()).toEqual([...registeredNotificationTypes()].sort());
  });

  it('refuses a type no feature registered', async () => {
    await expect(
      db.admin.query(
        `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key) VALUES (NULL, 'no-such.type', '{}', 'k')`,
      ),
    ).rejects.toThrow(/ck_notification_events__type/);
  });

  it('keeps the rows written under the enum type when it becomes text', async () => {
    const dataSource = new DataSource(dataSourceOptions(db.adminUrl, 1));
    await dataSource.initialize();
    try {
      const undone = await dataSource.query<{ name: string }[]>(
        `SELECT name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1`,
      );
      expect(undone[0].name).toBe(MIGRATION);
      await dataSource.undoLastMigration({ transaction: 'each' });
      const { rows: enumType } = await db.admin.query(`SELECT 1 FROM pg_type WHERE typname = 'notification_type'`);
      expect(enumType).toHaveLength(1);
      const { rows: tenants } = await db.admin.query<{ id: string }>(`SELECT id FROM tenants LIMIT 1`);
      const tenantId = tenants[0]?.id ?? null;
      await db.admin.query(
        `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key)
         VALUES ($1, 'meeting.invited', '{"title":"会"}', 'before-1'), ($1, 'backup.stale', '{}', 'before-2')`,
        [tenantId],
      );
      const before = await db.admin.query(
        `SELECT id, type::text AS type, payload FROM notification_events WHERE dedupe_key LIKE 'before-%' ORDER BY dedupe_key`,
      );
      await dataSource.runMigrations({ transaction: 'each' });
      const after = await db.admin.query(
        `SELECT id, type, payload FROM notification_events WHERE dedupe_key LIKE 'before-%' ORDER BY dedupe_key`,
      );
      expect(after.rows).toEqual(before.rows);
      expect(after.rows.map((row: { type: string }) => row.type)).toEqual(['meeting.invited', 'backup.stale']);
    } finally {
      await dataSource.destroy();
    }
  });
});
