import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { multipart, PNG } from '../support/photo-upload';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('the study route (研学路线)', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  let official: string;
  let xingyi: string;
  let jingong: string;
  let sites: { id: string; name: string; dailyCapacity: number }[];

  beforeAll(async () => {
    app = await startTestApp({ now: shanghai('2027-01-04T09:00:00') });
    clock = app.clock;
    http = new Http(app.api);
    [official, xingyi, jingong] = await Promise.all(
      ['official@anhai.demo', 'xingyi@anhai.demo', 'jingong@anhai.demo'].map((e) => http.token(e)),
    );
    sites = (await http.get('/api/v1/study-route', { token: xingyi })).body.sites;
  });
  afterAll(() => app.close());

  const book = (token: string, body: Record<string, unknown>) =>
    http.post('/api/v1/study-route/bookings', body, { token });

  it('lists the sites in route order', () => {
    expect(sites.map((s) => [s.name, s.dailyCapacity])).toEqual([
      ['红色示范车间', 60],
      ['“党建+人才”示范点', 40],
      ['产业链党建展厅', 80],
    ]);
  });

  it('lets officials add a site, move it along the route and remove its photos', async () => {
    const names = async () =>
      (await http.get('/api/v1/study-route', { token: official })).body.sites.map(
        (s: { name: string; position: number }) => `${s.position}.${s.name}`,
      );
    const added = await http.post(
      '/api/v1/study-route/sites',
      { name: '晋工机械智能产线', dailyCapacity: 30, address: '安海镇前蔡村', description: '参观智能装配线' },
      { token: official },
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ position: 4, active: true, photos: [] });
    const move = (id: string, direction: string, token = official) =>
      http.post(`/api/v1/study-route/sites/${id}/move`, { direction }, { token });
    const up = await move(added.body.id, 'up');
    expect(up.status).toBe(200);
    expect(up.body.sites.map((s: { id: string }) => s.id).indexOf(added.body.id)).toBe(2);
    expect(await names()).toEqual(['1.红色示范车间', '2.“党建+人才”示范点', '3.晋工机械智能产线', '4.产业链党建展厅']);
    // At either end nothing moves.
    await move(sites[0].id, 'up');
    expect((await names())[0]).toBe('1.红色示范车间');
    await move(added.body.id, 'down');
    expect(await names()).toEqual(['1.红色示范车间', '2.“党建+人才”示范点', '3.产业链党建展厅', '4.晋工机械智能产线']);
    expect((await move(added.body.id, 'sideways')).body.details[0].field).toBe('direction');
    expect((await move(added.body.id, 'up', xingyi)).status).toBe(403);

    const form = multipart('line.png', PNG);
    const photo = await http.request('POST', `/api/v1/study-route/sites/${added.body.id}/photos`, {
      token: official,
      body: form.body,
      headers: form.headers,
    });
    expect(photo.status).toBe(201);
    expect(
      (await http.get(`/api/v1/study-route/sites/${added.body.id}/photos/${photo.body.id}`, { token: xingyi })).headers[
        'content-type'
      ],
    ).toBe('image/png');
    expect(
      (
        await http.request('DELETE', `/api/v1/study-route/sites/${added.body.id}/photos/${photo.body.id}`, {
          token: xingyi,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.request('DELETE', `/api/v1/study-route/sites/${added.body.id}/photos/${photo.body.id}`, {
          token: official,
        })
      ).status,
    ).toBe(204);
    expect(
      (await http.get(`/api/v1/study-route/sites/${added.body.id}/photos/${photo.body.id}`, { token: xingyi })).status,
    ).toBe(404);
    expect(
      (
        await http.request('DELETE', `/api/v1/study-route/sites/${added.body.id}/photos/${photo.body.id}`, {
          token: official,
        })
      ).status,
    ).toBe(404);

    // Out of the route again, so the other tests see the seeded three.
    expect(
      (await http.patch(`/api/v1/study-route/sites/${added.body.id}`, { active: false }, { token: official })).body
        .active,
    ).toBe(false);
  });

  it("books within every site's daily capacity and refuses a group the smallest site cannot take", async () => {
    const first = await book(xingyi, { visitOn: '2027-01-11', groupSize: 25, groupName: '兴翼机械党支部' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      visitOn: '2027-01-11',
      groupSize: 25,
      status: 'booked',
      bookerOrganization: { name: '兴翼机械' },
    });
    const availability = await http.get('/api/v1/study-route/availability?date=2027-01-11', { token: jingong });
    expect(availability.body.maxGroupSize).toBe(15);
    const tooBig = await book(jingong, { visitOn: '2027-01-11', groupSize: 16, groupName: '晋工机械团支部' });
    expect(tooBig.status).toBe(409);
    expect(tooBig.body).toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      details: [{ field: 'groupSize', reason: '“党建+人才”示范点：当天只剩 15 个名额' }],
    });
    expect((await book(jingong, { visitOn: '2027-01-11', groupSize: 15, groupName: '晋工机械团支部' })).status).toBe(
      201,
    );
    // Cancelling gives the places back.
    expect(
      (await http.post(`/api/v1/study-route/bookings/${first.body.id}/cancel`, {}, { token: xingyi })).body.status,
    ).toBe('cancelled');
    expect(
      (await http.get('/api/v1/study-route/availability?date=2027-01-11', { token: jingong })).body.maxGroupSize,
    ).toBe(25);
  });

  it("never lets two concurrent bookings together pass a site's capacity", async () => {
    const replies = await Promise.all([
      book(xingyi, { visitOn: '2027-01-12', groupSize: 30, groupName: '兴翼机械研学团' }),
      book(jingong, { visitOn: '2027-01-12', groupSize: 30, groupName: '晋工机械研学团' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    const { rows } = await app.db.admin.query(
      `SELECT sum(group_size)::int AS booked FROM study_bookings WHERE visit_on = '2027-01-12' AND status = 'booked'`,
    );
    expect(rows[0].booked).toBe(30);
    const availability = await http.get('/api/v1/study-route/availability?date=2027-01-12', { token: jingong });
    expect(availability.body.sites.map((s: { booked: number }) => s.booked)).toEqual([30, 30, 30]);
  });

  it('counts a day exactly at sites added or re-enabled later, and a cancellation gives back only what it held', async () => {
    const day = '2027-01-15';
    const counts = async () => {
      const reply = await http.get(`/api/v1/study-route/availability?date=${day}`, { token: official });
      return {
        max: reply.body.maxGroupSize,
        sites: Object.fromEntries(reply.body.sites.map((s: { name: string; booked: number }) => [s.name, s.booked])),
      };
    };
    const hall = sites[2];
    expect(
      (await http.patch(`/api/v1/study-route/sites/${hall.id}`, { active: false }, { token: official })).status,
    ).toBe(200);
    const early = await book(xingyi, { visitOn: day, groupSize: 20, groupName: '兴翼机械先到团' });
    expect(early.status).toBe(201);
    // A site added after the booking, and one re-enabled, both count the group already coming.
    const added = await http.post(
      '/api/v1/study-route/sites',
      { name: '安海镇党群服务中心', dailyCapacity: 45 },
      { token: official },
    );
    expect(added.status).toBe(201);
    expect(
      (await http.patch(`/api/v1/study-route/sites/${hall.id}`, { active: true }, { token: official })).status,
    ).toBe(200);
    expect(await counts()).toEqual({
      max: 20,
      sites: { [sites[0].name]: 20, [sites[1].name]: 20, [hall.name]: 20, 安海镇党群服务中心: 20 },
    });
    const late = await book(jingong, { visitOn: day, groupSize: 18, groupName: '晋工机械后到团' });
    expect(late.status).toBe(201);
    expect(await counts()).toEqual({
      max: 2,
      sites: { [sites[0].name]: 38, [sites[1].name]: 38, [hall.name]: 38, 安海镇党群服务中心: 38 },
    });
    // Cancelling the first group frees its 20 places everywhere, and no more: the later group keeps its 18.
    expect(
      (await http.post(`/api/v1/study-route/bookings/${early.body.id}/cancel`, {}, { token: xingyi })).body.status,
    ).toBe('cancelled');
    expect(await counts()).toEqual({
      max: 22,
      sites: { [sites[0].name]: 18, [sites[1].name]: 18, [hall.name]: 18, 安海镇党群服务中心: 18 },
    });
    const tooBig = await book(xingyi, { visitOn: day, groupSize: 23, groupName: '兴翼机械大团' });
    expect(tooBig.body).toMatchObject({
      code: 'CAPACITY_EXCEEDED',
      details: [{ field: 'groupSize', reason: '“党建+人才”示范点：当天只剩 22 个名额' }],
    });
    expect(
      (await http.patch(`/api/v1/study-route/sites/${added.body.id}`, { active: false }, { token: official })).status,
    ).toBe(200);
  });

  it('lets officials register an outside group; members may not', async () => {
    const outside = await book(official, {
      visitOn: '2027-01-13',
      groupSize: 20,
      groupName: '石狮市机关党员研学团',
      contactName: '张老师',
      contactPhone: '13800000000',
      outsideGroup: true,
    });
    expect(outside.status).toBe(201);
    expect(outside.body).toMatchObject({ outsideGroup: true, bookerOrganization: null, contactName: '张老师' });
    expect(
      (await book(xingyi, { visitOn: '2027-01-13', groupSize: 5, groupName: '外单位', outsideGroup: true })).status,
    ).toBe(403);
  });

  it("records a visit when a member of the group scans the site's QR code on the day, once", async () => {
    const booking = await book(xingyi, { visitOn: '2027-01-14', groupSize: 12, groupName: '兴翼机械青年员工' });
    const code = await http.get(`/api/v1/study-route/sites/${sites[0].id}/code`, { token: official });
    expect(code.status).toBe(200);
    expect(code.body.svg).toContain('<svg');
    const token = new URL(code.body.url).pathname.split('/').pop()!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect((await http.get(`/api/v1/study-route/sites/${sites[0].id}/code`, { token: xingyi })).status).toBe(403);

    // Not the booked day yet.
    expect(
      (await http.post('/api/v1/study-route/scan', { token, bookingId: booking.body.id }, { token: xingyi })).body
        .details,
    ).toEqual([{ field: 'bookingId', reason: '只能在预约当天登记参观' }]);
    clock.set(shanghai('2027-01-14T10:00:00'));
    const page = await http.get(`/api/v1/study-route/scan/${token}`, { token: xingyi });
    expect(page.body).toMatchObject({ site: { name: '红色示范车间' }, bookings: [{ id: booking.body.id }] });
    const visit = await http.post('/api/v1/study-route/scan', { token }, { token: xingyi });
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ siteName: '红色示范车间', groupName: '兴翼机械青年员工', people: 12 });
    expect((await http.post('/api/v1/study-route/scan', { token }, { token: xingyi })).body.id).toBe(visit.body.id);
    // Someone outside the group cannot record it.
    expect(
      (await http.post('/api/v1/study-route/scan', { token, bookingId: booking.body.id }, { token: jingong })).status,
    ).toBe(400);
    expect((await http.post('/api/v1/study-route/scan', { token: 'x'.repeat(32) }, { token: xingyi })).status).toBe(
      404,
    );
    // An official enters the next site by hand.
    const entered = await http.post(
      `/api/v1/study-route/sites/${sites[1].id}/visits`,
      { bookingId: booking.body.id },
      { token: official },
    );
    expect(entered.status).toBe(201);
    const list = await http.get('/api/v1/study-route/bookings?from=2027-01-14', { token: xingyi });
    expect(list.body.items.find((b: { id: string }) => b.id === booking.body.id).visitedSiteIds.sort()).toEqual(
      [sites[0].id, sites[1].id].sort(),
    );

    const stats = await http.get('/api/v1/study-route/visits/stats?year=2027', { token: official });
    expect(stats.body.rows).toEqual([
      { siteId: sites[0].id, siteName: '红色示范车间', month: '2027-01', visits: 1, people: 12 },
      { siteId: sites[1].id, siteName: '“党建+人才”示范点', month: '2027-01', visits: 1, people: 12 },
    ]);
    expect((await http.get('/api/v1/study-route/visits/stats?year=2027', { token: xingyi })).status).toBe(403);
  });

  it("lets the official who accompanies an outside group record its visit by the site's QR code", async () => {
    const outside = await book(official, {
      visitOn: '2027-01-20',
      groupSize: 8,
      groupName: '晋江市青年干部研学团',
      contactName: '李老师',
      contactPhone: '13900000000',
      outsideGroup: true,
    });
    expect(outside.status).toBe(201);
    const code = await http.get(`/api/v1/study-route/sites/${sites[0].id}/code`, { token: official });
    const token = new URL(code.body.url).pathname.split('/').pop()!;
    clock.set(shanghai('2027-01-20T09:30:00'));
    const page = await http.get(`/api/v1/study-route/scan/${token}`, { token: official });
    expect(page.body.bookings.map((b: { id: string }) => b.id)).toEqual([outside.body.id]);
    // Its members have no account; a member enterprise cannot record it either.
    expect((await http.get(`/api/v1/study-route/scan/${token}`, { token: xingyi })).body.bookings).toEqual([]);
    expect(
      (await http.post('/api/v1/study-route/scan', { token, bookingId: outside.body.id }, { token: xingyi })).status,
    ).toBe(400);
    const visit = await http.post(
      '/api/v1/study-route/scan',
      { token, bookingId: outside.body.id },
      { token: official },
    );
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ siteName: '红色示范车间', groupName: '晋江市青年干部研学团', people: 8 });
  });

  it('refuses bad input with the field and reason', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ visitOn: '2027-01-01', groupSize: 5, groupName: '过去的团' }, 'visitOn'],
      [{ visitOn: '2027-13-01', groupSize: 5, groupName: '无效日期' }, 'visitOn'],
      [{ visitOn: '2027-02-01', groupSize: 0, groupName: '零人团' }, 'groupSize'],
      [{ visitOn: '2027-02-01', groupSize: 5 }, 'groupName'],
    ];
    for (const [body, field] of cases) {
      const reply = await book(xingyi, body);
      expect({ status: reply.status, field: reply.body.details?.[0]?.field }).toEqual({ status: 400, field });
    }
    const site = await http.post(
      '/api/v1/study-route/sites',
      { name: '新基地', dailyCapacity: -1 },
      { token: official },
    );
    expect(site.status).toBe(400);
    expect(site.body.details[0].field).toBe('dailyCapacity');
  });

  it('keeps other tenants out (404)', async () => {
    const other = await createOtherTenant(app.db.admin);
    const token = await http.token(other.email);
    expect((await http.get('/api/v1/study-route', { token })).body.sites).toEqual([]);
    expect(
      (await http.post(`/api/v1/study-route/sites/${sites[0].id}/move`, { direction: 'down' }, { token })).status,
    ).toBe(404);
    const form = multipart('site.png', PNG);
    const photo = await http.request('POST', `/api/v1/study-route/sites/${sites[0].id}/photos`, {
      token: official,
      body: form.body,
      headers: form.headers,
    });
    expect(
      (await http.request('DELETE', `/api/v1/study-route/sites/${sites[0].id}/photos/${photo.body.id}`, { token }))
        .status,
    ).toBe(404);
    expect(
      (await http.get(`/api/v1/study-route/sites/${sites[0].id}/photos/${photo.body.id}`, { token: official })).status,
    ).toBe(200);
    expect(
      (await http.post(`/api/v1/study-route/sites/${sites[0].id}/visits`, { bookingId: sites[0].id }, { token }))
        .status,
    ).toBe(404);
    expect((await http.get(`/api/v1/study-route/sites/${sites[0].id}/code`, { token })).status).toBe(404);
    const { rows } = await app.db.admin.query('SELECT qr_token FROM study_sites WHERE id = $1', [sites[0].id]);
    expect((await http.get(`/api/v1/study-route/scan/${rows[0].qr_token}`, { token })).status).toBe(404);
  });
});
