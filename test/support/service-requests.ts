import type { ServiceRequestDetailView } from '../../src/modules/service-requests/dto/service-request.dto';
import { ServiceRequestStatus } from '../../src/modules/service-requests/entities/service-request-status';
import type { NamedRef, PersonRef } from '../../src/platform/http/references.view';
import type { Http, Json } from './http';
import type { TestApp } from './test-app';
import { waitFor } from './wait-for';

export async function categoryId(app: TestApp, code: string): Promise<string> {
  const { rows } = await app.db.admin.query<{ id: string }>('SELECT id FROM service_categories WHERE code = $1', [
    code,
  ]);
  return rows[0].id;
}

export async function smartAllianceId(app: TestApp): Promise<string> {
  const { rows } = await app.db.admin.query<{ id: string }>(
    `SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`,
  );
  return rows[0].id;
}

/** A routed request: assigned to an organisation and one of its handlers. */
export type RoutedRequest = Json<ServiceRequestDetailView> & { assignedOrganization: NamedRef; handler: PersonRef };

/** Submits as the enterprise and waits until the worker has routed it. */
export async function submitAndRoute(
  app: TestApp,
  http: Http,
  token: string,
  body: { categoryCode: string; title: string; description?: string },
): Promise<RoutedRequest> {
  const submitted = await http.post<{ id: string }>(
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
      () => http.get<RoutedRequest>(`/api/v1/service-requests/${submitted.body.id}`, { token }),
      (r) => r.body.status === ServiceRequestStatus.Routed,
    )
  ).body;
}
