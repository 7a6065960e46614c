import type { Http } from './http';
import type { TestApp } from './test-app';
import { waitFor } from './wait-for';

export async function categoryId(app: TestApp, code: string): Promise<string> {
  const { rows } = await app.db.admin.query('SELECT id FROM service_categories WHERE code = $1', [code]);
  return rows[0].id;
}

export async function smartAllianceId(app: TestApp): Promise<string> {
  const { rows } = await app.db.admin.query(
    `SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`,
  );
  return rows[0].id;
}

/** Submits as the enterprise and waits until the worker has routed it. */
export async function submitAndRoute(
  app: TestApp,
  http: Http,
  token: string,
  body: { categoryCode: string; title: string; description?: string },
): Promise<any> {
  const submitted = await http.post(
    '/api/v1/service-requests',
    {
      allianceId: await smartAllianceId(app),
      categoryId: await categoryId(app, body.categoryCode),
      title: body.title,
      description: body.description ?? `${body.title}，请尽快协助办理。`,
    },
    { token },
  );
  if (submitted.status !== 201) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return (
    await waitFor(
      () => http.get(`/api/v1/service-requests/${submitted.body.id}`, { token }),
      (r) => r.body.status === 'routed',
    )
  ).body;
}
