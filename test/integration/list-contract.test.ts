import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { routePermissions } from '../../src/platform/auth/route-permissions';
import { Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * docs/api-contract.md, "Lists": every GET list route takes `?limit=` (1-100, default 20) and
 * `?cursor=` and answers `{ items, nextCursor }`. A list route is a GET whose answer is an array or
 * an object holding an `items` array, read from the OpenAPI document, so a new list route is held to
 * the contract without anyone adding it here.
 */

/**
 * The document as scripts/export-openapi.ts builds it, from the built API (`npm run build:api`, which
 * the migrations of these tests need too): only the build runs the Swagger plugin that describes the
 * DTOs, so the test app's own document (jest's transform) has no query parameters or response types.
 */
function builtOpenApiDocument(): unknown {
  const script = join(__dirname, '../../dist/scripts/export-openapi.js');
  return JSON.parse(
    execFileSync(process.execPath, [script, '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  );
}

/** A signed-in user of the seed for each role. */
const USER_OF_ROLE: Record<string, string> = {
  township_admin: 'official@anhai.demo',
  platform_admin: 'platform@lianmeng.demo',
  department_staff: 'dept@anhai.demo',
  enterprise_contact: 'jingong@anhai.demo',
  expert: 'expert@anhai.demo',
};

/** Values for query parameters a route requires: a window wide enough for every seeded row. */
const REQUIRED_QUERY: Record<string, string> = {
  from: '2000-01-01T00:00:00Z',
  to: '2099-12-31T00:00:00Z',
  durationMinutes: '60',
};

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};
type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema & { minimum?: number; maximum?: number; default?: unknown };
};
type Operation = {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

type ListRoute = { path: string; operation: Operation; schema: Schema };

/** What the contract asks of a list route, as its OpenAPI operation declares it. */
function declaredContract({ path, operation, schema }: ListRoute) {
  const parameter = (name: string) => operation.parameters?.find((p) => p.in === 'query' && p.name === name);
  const limit = parameter('limit');
  const cursor = parameter('cursor');
  return {
    path,
    limit: limit && {
      required: limit.required ?? false,
      minimum: limit.schema?.minimum,
      maximum: limit.schema?.maximum,
      default: limit.schema?.default,
    },
    cursor: cursor && { required: cursor.required ?? false, type: cursor.schema?.type },
    answer: { properties: Object.keys(schema.properties ?? {}).sort(), required: [...(schema.required ?? [])].sort() },
  };
}

function contract(path: string) {
  return {
    path,
    limit: { required: false, minimum: 1, maximum: 100, default: 20 },
    cursor: { required: false, type: 'string' },
    answer: { properties: ['items', 'nextCursor'], required: ['items', 'nextCursor'] },
  };
}

describe('list routes follow the API contract', () => {
  let app: TestApp;
  let http: Http;
  let lists: ListRoute[];
  let operations: Map<string, Operation>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2026-11-25T02:00:00Z') });
    http = new Http(app.api);
    await scheduleMeetingWithAgenda();
    // Rows written in one transaction share their time to the microsecond, which a cursor must keep.
    await app.db.admin.query(
      `UPDATE service_requests SET created_at = '2026-11-20 10:00:00.123456+08'
        WHERE id IN (SELECT id FROM service_requests ORDER BY created_at DESC LIMIT 5)`,
    );
    const document = builtOpenApiDocument() as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref ? resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema;
    operations = new Map(
      Object.entries(document.paths).flatMap(([path, item]) => (item.get ? [[path, item.get] as const] : [])),
    );
    lists = Object.entries(document.paths)
      .filter(([, item]) => item.get)
      .map(([path, item]) => ({
        path,
        operation: item.get,
        schema: resolve(item.get.responses['200']?.content?.['application/json']?.schema)!,
      }))
      .filter(({ schema }) => schema?.type === 'array' || resolve(schema?.properties?.items)?.type === 'array');
  });
  afterAll(() => app.close());

  /** The demo seeds no meeting: one with an agenda of three, for the lists under a meeting. */
  async function scheduleMeetingWithAgenda() {
    const id = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    const official = await http.token(USER_OF_ROLE.township_admin);
    const meeting = await http.post(
      '/api/v1/meetings',
      {
        allianceId: await id(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`),
        title: '第四季度联席会议',
        chairId: await id(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
        place: { kind: 'address', address: '晋工机械会议中心' },
        startsAt: '2026-12-15T01:30:00Z',
        endsAt: '2026-12-15T03:30:00Z',
        invitees: {},
      },
      { token: official },
    );
    for (const title of ['共享检测设备', '人才公寓', '技改贴息']) {
      expect(
        (await http.post(`/api/v1/meetings/${meeting.body.items[0].id}/agenda`, { title }, { token: official })).status,
      ).toBe(201);
    }
  }

  const followsContract = (list: ListRoute) =>
    JSON.stringify(declaredContract(list)) === JSON.stringify(contract(list.path));

  async function tokenFor(path: string): Promise<string> {
    const route = `GET ${path.replace('/api/v1', '').replace(/\{(\w+)\}/g, ':$1')}`;
    const access = routePermissions(app.api).find((r) => r.route === route)?.access;
    if (!Array.isArray(access)) throw new Error(`${route} is not a signed-in route`);
    const email = USER_OF_ROLE[access.includes('township_admin' as never) ? 'township_admin' : access[0]];
    if (!tokens.has(email)) tokens.set(email, await http.token(email));
    return tokens.get(email)!;
  }

  /** The path with each `{param}` filled by the first item of the list above it (`/alliances/{id}/members` from `/alliances`). */
  async function concretePath(path: string): Promise<string | null> {
    const match = /^(.*?)\/\{\w+\}/.exec(path);
    if (!match) return path;
    const parentOperation = operations.get(match[1]);
    const parent = await http.get(`${match[1]}?${parentOperation ? query(parentOperation, 'limit=1') : 'limit=1'}`, {
      token: await tokenFor(match[1]),
    });
    const id = parent.body?.items?.[0]?.id as string | undefined;
    if (!id) return null;
    return concretePath(path.replace(/\{\w+\}/, id));
  }

  function query(operation: Operation, extra: string): string {
    const required = (operation.parameters ?? [])
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${encodeURIComponent(REQUIRED_QUERY[p.name] ?? '')}`);
    return [...required, extra].join('&');
  }

  it('finds the list routes in the OpenAPI document, every one inside the contract', () => {
    expect(lists.length).toBeGreaterThan(30);
    expect(lists.map((l) => l.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/users',
        '/api/v1/meetings',
        '/api/v1/meetings/{id}/agenda',
        '/api/v1/meetings/free-slots',
        '/api/v1/service-requests/supervision',
        '/api/v1/notification-settings/robots',
      ]),
    );
    expect(lists.filter((l) => !followsContract(l)).map((l) => l.path)).toEqual([]);
  });

  it('declares limit (1-100, default 20) and cursor, and answers { items, nextCursor }', () => {
    expect(lists.map(declaredContract)).toEqual(lists.map((l) => contract(l.path)));
  });

  it('answers ?limit=1 with at most one item and a cursor to the next, which leads elsewhere', async () => {
    const answers: { path: string; status: number; shape: string[]; atMostOne: boolean; nextPageDiffers: boolean }[] =
      [];
    for (const { path: template, operation } of lists) {
      const path = await concretePath(template);
      if (!path) throw new Error(`no item to fill the parameters of ${template}`);
      const token = await tokenFor(template);
      const reply = await http.get(`${path}?${query(operation, 'limit=1')}`, { token });
      const items = (reply.body?.items ?? []) as { id?: string }[];
      let nextPageDiffers = true;
      if (reply.body?.nextCursor) {
        const next = await http.get(
          `${path}?${query(operation, `limit=1&cursor=${encodeURIComponent(reply.body.nextCursor)}`)}`,
          { token },
        );
        // An item without an id (an expert's workload, a review history entry) is known by its content.
        const identity = (item: { id?: string } | undefined) => item?.id ?? JSON.stringify(item);
        nextPageDiffers =
          next.status === 200 && next.body.items.length === 1 && identity(next.body.items[0]) !== identity(items[0]);
      }
      answers.push({
        path: template,
        status: reply.status,
        shape: Object.keys(reply.body ?? {})
          .filter((k) => ['items', 'nextCursor'].includes(k))
          .sort(),
        atMostOne: items.length <= 1,
        nextPageDiffers,
      });
    }
    expect(answers).toEqual(
      answers.map((a) => ({
        path: a.path,
        status: 200,
        shape: ['items', 'nextCursor'],
        atMostOne: true,
        nextPageDiffers: true,
      })),
    );
  });

  it('refuses a limit out of 1-100, or not a whole number, with 400 naming limit', async () => {
    const refusals: { path: string; limit: string; status: number; fields: string[] }[] = [];
    for (const { path: template, operation } of lists) {
      const path = await concretePath(template);
      if (!path) throw new Error(`no item to fill the parameters of ${template}`);
      const token = await tokenFor(template);
      for (const limit of ['0', '101', 'ten']) {
        const reply = await http.get(`${path}?${query(operation, `limit=${limit}`)}`, { token, language: 'en' });
        refusals.push({
          path: template,
          limit,
          status: reply.status,
          fields: ((reply.body?.details ?? []) as { field: string }[]).map((d) => d.field),
        });
      }
    }
    expect(refusals).toEqual(refusals.map((r) => ({ ...r, status: 400, fields: expect.arrayContaining(['limit']) })));
  });

  it('refuses a cursor it did not make, or one whose values were changed, with 400 naming cursor', async () => {
    const refusals: { path: string; cursor: string; status: number; fields: string[]; ok: boolean }[] = [];
    for (const { path: template, operation } of lists) {
      const path = (await concretePath(template))!;
      const token = await tokenFor(template);
      const first = await http.get(`${path}?${query(operation, 'limit=1')}`, { token });
      const cursors: [string, boolean][] = [
        ['not a cursor', false],
        [Buffer.from('["x"]').toString('base64url'), false],
      ];
      if (first.body.nextCursor) {
        // The route's own cursor with its sort value replaced: the right number of parts, a wrong value.
        // A string is a place in a list ordered by name, so only there it may be taken (and is bound as a parameter).
        const parts = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8')) as unknown[];
        const replaced = (value: unknown) =>
          Buffer.from(JSON.stringify([value, ...parts.slice(1)])).toString('base64url');
        cursors.push(
          [replaced({ after: 1 }), false],
          [replaced("x' OR 1=1 --"), typeof parts[0] === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(parts[0])],
        );
      }
      for (const [cursor, mayBeText] of cursors) {
        const reply = await http.get(`${path}?${query(operation, `cursor=${encodeURIComponent(cursor)}`)}`, { token });
        const fields = ((reply.body?.details ?? []) as { field: string }[]).map((d) => d.field);
        const refused = reply.status === 400 && fields.join() === 'cursor';
        refusals.push({
          path: template,
          cursor,
          status: reply.status,
          fields,
          ok: refused || (mayBeText && reply.status === 200),
        });
      }
    }
    expect(refusals.length).toBeGreaterThan(lists.length * 2);
    expect(refusals.filter((r) => !r.ok)).toEqual([]);
  });

  it('pages through each list with its cursor, each item once and in the order of one long page, 20 to a page by default', async () => {
    const walks: { path: string; paged: string[]; whole: string[]; defaultPage: number }[] = [];
    for (const { path: template, operation } of lists) {
      const path = (await concretePath(template))!;
      const token = await tokenFor(template);
      const whole = await http.get(`${path}?${query(operation, 'limit=100')}`, { token });
      const defaultPage = await http.get(`${path}?${query(operation, '')}`, { token });
      const paged: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 60; pages++) {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await http.get(
          `${path}?${query(operation, `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)}`,
          { token },
        );
        paged.push(...page.body.items.map((i) => i.id ?? JSON.stringify(i).slice(0, 80)));
        cursor = page.body.nextCursor;
        if (!cursor) break;
      }
      const wholeIds = (whole.body.items as { id: string }[]).map((i) => i.id ?? JSON.stringify(i).slice(0, 80));
      // A list longer than 100 is compared on its first 100.
      walks.push({
        path: template,
        paged: paged.slice(0, 100),
        whole: wholeIds,
        defaultPage: defaultPage.body.items.length,
      });
    }
    expect(walks.filter((w) => w.whole.length > 2).length).toBeGreaterThan(5);
    expect(walks).toEqual(walks.map((w) => ({ ...w, paged: w.whole, defaultPage: Math.min(w.whole.length, 20) })));
  });
});
