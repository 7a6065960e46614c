import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routePermissions } from '../../src/platform/auth/route-permissions';
import { Role } from '../../src/platform/auth/entities/role';
import {
  hostileValue,
  HOSTILE_STRINGS,
  IdSource,
  mutatedBody,
  Schema,
  serialize,
  validValue,
} from '../support/fuzz/schema-arbitraries';
import { Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Property-based fuzzing of every operation in the OpenAPI document: bodies from the schema (valid,
 * then mutated), random JSON, hostile query values and path ids. Whatever arrives, the API answers
 * below 500, every 4xx is the documented error body, and an unknown body field is refused by name.
 *
 * FUZZ_RUNS sets the cases per operation (default sized for a 2-core CI run); FUZZ_SEED replays a run.
 * The counts are printed and written to $TMPDIR/lianmeng-fuzz/summary.json.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const REQUEST_TIMEOUT_MS = 15_000;
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);

const SIGN_IN: Record<Role, string> = {
  [Role.TownshipAdmin]: 'official@anhai.demo',
  [Role.DepartmentStaff]: 'dept@anhai.demo',
  [Role.EnterpriseContact]: 'xingyi@anhai.demo',
  [Role.Expert]: 'expert@anhai.demo',
  [Role.PlatformAdmin]: 'platform@lianmeng.demo',
};

/**
 * Routes that get only ids that exist nowhere: with real ids they would disable, demote or
 * re-enable the very users this run signs in as. They are still fuzzed, with random ids.
 */
const RANDOM_IDS_ONLY = [/^\/users\/:id/];

interface Operation {
  method: string;
  path: string; // /api/v1/alliances/{id}
  route: string; // POST /alliances/:id, as the permissions list names it
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema; required: boolean }[];
  jsonBody?: Schema;
  multipart: boolean;
  /** The statuses its document lists. */
  responses: string[];
}

interface Outcome {
  route: string;
  cases: number;
  statuses: Record<string, number>;
  failures: string[];
}

describe('fuzzing every endpoint', () => {
  let app: TestApp;
  let http: Http;
  const tokens = new Map<Role, string>();
  const idsByTable = new Map<string, string[]>();
  let allIds: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    for (const [role, email] of Object.entries(SIGN_IN)) tokens.set(role as Role, await http.token(email));
    // Ids that exist, so some cases get past the handlers' lookups and into their logic.
    const { rows } = await app.db.admin.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid'`,
    );
    for (const { table_name } of rows) {
      const ids = await app.db.admin.query<{ id: string }>(`SELECT id::text FROM "${table_name}" LIMIT 25`);
      if (ids.rows.length)
        idsByTable.set(
          table_name,
          ids.rows.map((r) => r.id),
        );
    }
    allIds = [...idsByTable.values()].flat();
  }, 120_000);
  afterAll(() => app?.close());

  // First: the fuzzing below spends the sign-in routes' rate limits.
  it('refuses an unknown body field by name on every route that takes a JSON body', async () => {
    const document = (await http.get('/api/openapi.json')).body as { paths: Record<string, Record<string, any>> };
    const access = new Map(routePermissions(app.api).map((r) => [r.route, r.access]));
    const accepted: string[] = [];
    let checked = 0;
    for (const operation of collectOperations(document).filter((o) => o.jsonBody)) {
      const allowed = access.get(operation.route);
      const token = !allowed || allowed === 'public' || allowed === 'nobody' ? undefined : tokens.get(allowed[0]);
      let url = operation.path;
      for (const p of operation.pathParams)
        url = url.replace(`{${p.name}}`, p.name === 'date' ? '2026-05-01' : '7c1c3d4e-0f43-4c59-9d7e-3f3b1f0d2a11');
      const reply = await http.request(operation.method, url, {
        token,
        body: { zzSurplusField: 'x' },
        headers: { 'content-type': 'application/json' },
      });
      checked++;
      const named =
        reply.status === 400 && reply.body.details.some((d: { field: string }) => d.field === 'zzSurplusField');
      if (!named) accepted.push(`${operation.route}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
    }
    expect(checked).toBeGreaterThan(80);
    expect(accepted).toEqual([]);
  });

  it(
    'answers every case below 500, in the documented error shape, refusing unknown fields',
    async () => {
      const document = (await http.get('/api/openapi.json')).body as {
        paths: Record<string, Record<string, any>>;
        components: { schemas: Record<string, Schema> };
      };
      const components = document.components.schemas;
      const access = new Map(routePermissions(app.api).map((r) => [r.route, r.access]));
      const operations = collectOperations(document);
      expect(operations.length).toBeGreaterThan(200);

      const outcomes: Outcome[] = [];
      const skipped: string[] = [];
      const started = Date.now();
      // A few operations at a time: the requests wait on PostgreSQL and Redis more than on the CPU.
      const queue = [...operations];
      const lane = async () => {
        for (let operation = queue.shift(); operation; operation = queue.shift()) {
          const allowed = access.get(operation.route);
          if (!allowed || allowed === 'nobody') {
            skipped.push(`${operation.route}: no permission entry`);
            continue;
          }
          const token = allowed === 'public' ? undefined : tokens.get(allowed[0]);
          outcomes.push(await fuzzOperation(operation, token, components));
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
      outcomes.sort((a, b) => a.route.localeCompare(b.route));

      const total = outcomes.reduce((n, o) => n + o.cases, 0);
      const summary = {
        seed: SEED,
        runsPerOperation: RUNS,
        operations: outcomes.length,
        total,
        minimum: Math.min(...outcomes.map((o) => o.cases)),
        seconds: Math.round((Date.now() - started) / 1000),
        skipped,
        perOperation: Object.fromEntries(outcomes.map((o) => [o.route, { cases: o.cases, statuses: o.statuses }])),
      };
      const dir = join(tmpdir(), 'lianmeng-fuzz');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
      process.stdout.write(
        `fuzz: ${total} cases over ${outcomes.length} operations (≥ ${summary.minimum} each) in ${summary.seconds} s, seed ${SEED}; summary in ${join(dir, 'summary.json')}\n`,
      );
      const failures = outcomes.flatMap((o) => o.failures.slice(0, 3).map((f) => `${o.route}: ${f}`));
      expect(failures).toEqual([]);
    },
    // Thirty minutes for the CI default; a large FUZZ_RUNS (thousands per operation) gets a minute per eight runs.
    Math.max(30, RUNS / 8) * 60_000,
  );

  /** Ids for a field or path parameter: ones that exist in a table its name suggests, any that exist, or none. */
  const idSource =
    (randomOnly: boolean): IdSource =>
    (hint) => {
      if (randomOnly || allIds.length === 0) return fc.uuid();
      const stem = hint
        .replace(/Ids?$/, '')
        .replace(/([a-z])([A-Z])/g, '$1_$2')
        .replace(/-/g, '_')
        .toLowerCase()
        .replace(/s$/, '');
      const matching = [...idsByTable.entries()]
        .filter(([table]) => stem && table.includes(stem))
        .flatMap(([, ids]) => ids);
      return fc.oneof(
        ...(matching.length ? [{ weight: 3, arbitrary: fc.constantFrom(...matching) }] : []),
        { weight: 1, arbitrary: fc.constantFrom(...allIds) },
        { weight: 1, arbitrary: fc.uuid() },
      );
    };

  async function fuzzOperation(
    operation: Operation,
    token: string | undefined,
    components: Record<string, Schema>,
  ): Promise<Outcome> {
    const outcome: Outcome = { route: operation.route, cases: 0, statuses: {}, failures: [] };
    const randomOnly = RANDOM_IDS_ONLY.some((pattern) => pattern.test(operation.route.split(' ')[1]));
    const ids = idSource(randomOnly);

    const pathValue = (name: string, segmentBefore: string) =>
      fc.oneof(
        { weight: 4, arbitrary: ids(name === 'id' ? segmentBefore : name) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).filter((s) => s.length > 0) },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) },
      );
    const pathArb = fc.tuple(
      ...operation.pathParams.map((p) => pathValue(p.name, segmentBefore(operation.path, p.name))),
    );
    const queryArb = fc.array(
      fc.oneof(
        ...operation.queryParams.map((q) =>
          fc.tuple(fc.constant(q.name), fc.oneof(validValue(q.schema, components, ids, q.name), hostileValue)),
        ),
        fc.tuple(
          fc.constantFrom('zzUnknown', '__proto__', 'constructor[prototype][polluted]', 'limit[]'),
          hostileValue,
        ),
      ),
      { maxLength: Math.max(2, operation.queryParams.length + 1) },
    );
    const bodyArb = operation.jsonBody
      ? mutatedBody(validValue(operation.jsonBody, components, ids))
      : fc.constant(undefined);
    const headerArb = fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en');

    await fc.assert(
      fc.asyncProperty(pathArb, queryArb, bodyArb, headerArb, async (pathValues, query, body, language) => {
        const url = buildUrl(operation, pathValues as string[], query as [string, unknown][]);
        const headers: Record<string, string> = { 'accept-language': language };
        if (token) headers.authorization = `Bearer ${token}`;
        let payload: string | undefined;
        if (body) {
          headers['content-type'] = 'application/json';
          payload = serialize(body);
        }
        const reply = await withTimeout(
          app.api.inject({ method: operation.method as 'GET', url, headers, payload }),
          REQUEST_TIMEOUT_MS,
        );
        outcome.cases++;
        outcome.statuses[reply.statusCode] = (outcome.statuses[reply.statusCode] ?? 0) + 1;
        const problem = judge(
          reply.statusCode,
          reply.headers['content-type'],
          reply.body,
          body?.unknownField,
          operation,
        );
        if (problem)
          outcome.failures.push(
            `${problem} — ${operation.method} ${url.slice(0, 300)} ${payload?.slice(0, 300) ?? ''}`,
          );
        if (({} as Record<string, unknown>).polluted !== undefined)
          outcome.failures.push(`Object.prototype polluted by ${payload?.slice(0, 200)}`);
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    return outcome;
  }
});

function collectOperations(document: { paths: Record<string, Record<string, any>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema: Schema }[];
      const content = op.requestBody?.content ?? {};
      const bare = path.replace(/^\/api\/v1/, '').replace(/\{([^}]+)\}/g, ':$1');
      operations.push({
        method: method.toUpperCase(),
        path,
        route: `${method.toUpperCase()} ${bare}`,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        jsonBody: content['application/json']?.schema,
        multipart: !!content['multipart/form-data'],
        responses: Object.keys(op.responses ?? {}),
      });
    }
  }
  return operations;
}

/** Percent-encodes a path value; a lone surrogate (no UTF-8 form) goes out as the bytes of one, which are not UTF-8. */
function encodePathValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}

function segmentBefore(path: string, param: string): string {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return at > 0 ? segments[at - 1] : param;
}

function buildUrl(operation: Operation, pathValues: string[], query: [string, unknown][]): string {
  let url = operation.path;
  operation.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodePathValue(pathValues[i]))));
  const search = new URLSearchParams();
  for (const [name, value] of query) {
    if (Array.isArray(value))
      for (const v of value.slice(0, 5)) search.append(name, typeof v === 'string' ? v : JSON.stringify(v));
    else search.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}

/** What is wrong with a reply, or null when it is an acceptable answer to anything. */
function judge(
  status: number,
  contentType: unknown,
  raw: string,
  unknownField: string | undefined,
  operation: Operation,
): string | null {
  // A documented 503 (a dependency down, or slower than its time limit on a loaded machine) is a right answer.
  if (status === 503 && operation.responses.includes('503')) return null;
  if (status >= 500) return `status ${status}: ${raw.slice(0, 300)}`;
  if (status >= 400) {
    if (!String(contentType).includes('application/json'))
      return `status ${status} with content type ${String(contentType)}`;
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return `status ${status} with a body that is not JSON`;
    }
    const shaped =
      body &&
      body.statusCode === status &&
      typeof body.code === 'string' &&
      typeof body.message === 'string' &&
      typeof body.requestId === 'string' &&
      Array.isArray(body.details) &&
      body.details.every((d: any) => d && typeof d.field === 'string' && typeof d.reason === 'string') &&
      Object.keys(body).sort().join() === 'code,details,message,requestId,statusCode';
    if (!shaped) return `status ${status} outside the error shape: ${raw.slice(0, 300)}`;
  }
  if (unknownField && operation.jsonBody) {
    if (status < 400) return `unknown field ${unknownField} accepted with ${status}`;
    if (status === 400) {
      const body = JSON.parse(raw);
      const named = body.details.some(
        (d: { field: string }) => d.field === unknownField || d.field.endsWith(`.${unknownField}`),
      );
      const otherFieldRefused = body.details.length > 0;
      // The pipe lists every problem at once; a 400 about path or query alone comes before the body is read.
      if (!named && !otherFieldRefused) return `unknown field ${unknownField} not named: ${raw.slice(0, 300)}`;
    }
  }
  return null;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
