import { Client } from 'pg';
import { DataSource } from 'typeorm';
import '../../src/notification-types';
import { registeredNotificationTypes } from '../../src/platform/notifications/notification-registry';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { syncNotificationTypesAt } from '../../src/platform/database/database-setup';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * notification_types is the code's: every column holding a type references it, migration:run and the
 * API's and the worker's start-up (syncNotificationTypesAt) add the names registered in code, so a new
 * type needs no migration, and the database refuses a name no feature registered.
 */
const MIGRATION = 'NotificationTypesRegistry1795645100000';

describe('the notification type registry table', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  async function storedNames(): Promise<string[]> {
    const { rows } = await db.admin.query<{ name: string }>('SELECT name FROM notification_types ORDER BY name');
    return rows.map((row) => row.name);
  }

  /** Runs `sql` as the application's role (what the API and the worker connect as). */
  async function asApp<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('holds every type registered in code after migration:run', async () => {
    expect(await storedNames()).toEqual(expect.arrayContaining(registeredNotificationTypes()));
  });

  it('gets a type registered in code but missing from the table at start-up, as the application, once however many start', async () => {
    // As if the code registered these two after the table was last filled.
    await db.admin.query(`DELETE FROM notification_types WHERE name IN ('backup.stale', 'meeting.reminder')`);
    expect(await storedNames()).not.toContain('backup.stale');
    const runs = await Promise.all([1, 2, 3, 4].map(() => syncNotificationTypesAt(db.appUrl)));
    expect(runs.flat().sort()).toEqual(['backup.stale', 'meeting.reminder']);
    expect(await storedNames()).toEqual([...registeredNotificationTypes()].sort());
    const { rows } = await db.admin.query<{ module: string }>(
      `SELECT module FROM notification_types WHERE name = 'backup.stale'`,
    );
    expect(rows).toEqual([{ module: 'platform/backup' }]);
    expect(await syncNotificationTypesAt(db.appUrl)).toEqual([]);
  });

  it('lets the application add names and read them, nothing else', async () => {
    await asApp(async (client) => {
      await expect(client.query(`DELETE FROM notification_types WHERE name = 'backup.stale'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        client.query(`UPDATE notification_types SET module = 'x' WHERE name = 'backup.stale'`),
      ).rejects.toThrow(/permission denied/);
    });
  });

  it.each([
    ['notification_events', 'fk_notification_events__type'],
    ['notifications', 'fk_notifications__type'],
    ['notification_preferences', 'fk_notification_preferences__type'],
  ])('%s references notification_types (%s) instead of listing the names', async (table, constraint) => {
    const { rows } = await db.admin.query<{ conname: string; def: string }>(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND conname LIKE 'fk_%__type'`,
      [table],
    );
    expect(rows).toEqual([{ conname: constraint, def: 'FOREIGN KEY (type) REFERENCES notification_types(name)' }]);
    const { rows: checks } = await db.admin.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
      [table, `ck_${table}__type`],
    );
    expect(checks).toEqual([]);
  });

  it('refuses a write naming a type no feature registered', async () => {
    await expect(
      db.admin.query(
        `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key) VALUES (NULL, 'no-such.type', '{}', 'k')`,
      ),
    ).rejects.toThrow(/fk_notification_events__type/);
    await db.admin.query(
      `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key) VALUES (NULL, 'backup.stale', '{}', 'k')`,
    );
    const { rows: tenants } = await db.admin.query<{ id: string }>(
      `INSERT INTO tenants (name, slug) VALUES ('乡', 'robot-types') RETURNING id`,
    );
    const robot = (types: string[]) =>
      db.admin.query(
        `INSERT INTO group_robots (tenant_id, kind, name, webhook_url_encrypted, types) VALUES ($1, 'wecom', 'r', 'x', $2)`,
        [tenants[0].id, types],
      );
    await expect(robot(['meeting.invited', 'no-such.type'])).rejects.toMatchObject({
      code: '23503',
      constraint: 'fk_group_robots__types',
    });
    await robot(['meeting.invited', 'backup.stale']);
    const { rows: robots } = await db.admin.query<{ id: string }>('SELECT id FROM group_robots');
    await expect(
      db.admin.query(`UPDATE group_robots SET types = '{no-such.type}' WHERE id = $1`, [robots[0].id]),
    ).rejects.toThrow(/fk_group_robots__types/);
  });

  it.each(['nodot', 'Meeting.invited', 'meeting.', '.invited', 'meeting.in vited', 'meeting.invited.again'])(
    'refuses %s, not <module>.<snake_or_kebab>',
    async (name) => {
      await expect(
        db.admin.query(`INSERT INTO notification_types (name, module) VALUES ($1, 'modules/meetings')`, [name]),
      ).rejects.toThrow(/ck_notification_types__name/);
    },
  );

  it.each(['thing.done', 'thing-two.done-now', 'thing.done_now'])('takes %s', async (name) => {
    await db.admin.query(`INSERT INTO notification_types (name, module) VALUES ($1, 'modules/things')`, [name]);
  });

  it('keeps the rows written under the check constraints when the table replaces them', async () => {
    await db.admin.query(`DELETE FROM notification_types WHERE module = 'modules/things'`);
    await db.admin.query(`DELETE FROM group_robots`);
    await db.admin.query(`DELETE FROM notification_events`);
    const dataSource = new DataSource(dataSourceOptions(db.adminUrl, 1));
    await dataSource.initialize();
    try {
      // Undone with every later migration, newest first, as an operator rolling back would.
      const applied = await dataSource.query<{ name: string }[]>(
        `SELECT name FROM schema_migrations ORDER BY timestamp DESC`,
      );
      const depth = applied.findIndex((m) => m.name === MIGRATION);
      expect(depth).toBeGreaterThanOrEqual(0);
      for (let i = 0; i <= depth; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const { rows: table } = await db.admin.query(`SELECT to_regclass('notification_types') AS t`);
      expect(table).toEqual([{ t: null }]);
      await db.admin.query(
        `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key)
         VALUES (NULL, 'meeting.invited', '{"title":"会"}', 'before-1'), (NULL, 'backup.stale', '{}', 'before-2')`,
      );
      await expect(
        db.admin.query(
          `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key) VALUES (NULL, 'no-such.type', '{}', 'k')`,
        ),
      ).rejects.toThrow(/ck_notification_events__type/);
      const before = await db.admin.query(
        `SELECT id, type, payload FROM notification_events WHERE dedupe_key LIKE 'before-%' ORDER BY dedupe_key`,
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
