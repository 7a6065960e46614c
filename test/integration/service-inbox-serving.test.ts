import { useTestApp } from '../support/test-app';

/**
 * 待办服务 is for organisations that serve requests: GET /service-requests/serving says whether the
 * person's organisation provides a category, is a routing rule's target, or has been assigned one.
 */
describe('which organisations serve requests (the service inbox in the menu)', () => {
  const suite = useTestApp();

  const serves = async (email: string) => {
    const response = await suite.http.get('/api/v1/service-requests/serving', { token: await suite.http.token(email) });
    expect(response.status).toBe(200);
    return response.body.servesRequests;
  };

  it('says yes for a providing department and no for a member enterprise that serves nothing', async () => {
    expect(await serves('dept@anhai.demo')).toBe(true);
    expect(await serves('xingyi@anhai.demo')).toBe(false);
  });

  it('says yes once the enterprise is a routing rule target, and no again when the rule is switched off', async () => {
    const { rows } = await suite.app.db.admin.query(
      `UPDATE routing_rules SET target_organization_id = (SELECT organization_id FROM users WHERE email = 'xingyi@anhai.demo'), active = true
        WHERE id = (SELECT id FROM routing_rules ORDER BY id LIMIT 1) RETURNING id`,
    );
    expect(rows).toHaveLength(1);
    expect(await serves('xingyi@anhai.demo')).toBe(true);
    await suite.app.db.admin.query('UPDATE routing_rules SET active = false WHERE id = $1', [rows[0].id]);
    expect(await serves('xingyi@anhai.demo')).toBe(false);
  });

  it('refuses experts, who have no service inbox', async () => {
    const response = await suite.http.get('/api/v1/service-requests/serving', {
      token: await suite.http.token('expert@anhai.demo'),
    });
    expect(response.status).toBe(403);
  });
});
