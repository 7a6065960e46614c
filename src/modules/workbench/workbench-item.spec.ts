import { WorkbenchAction, WorkbenchItemKind } from './dto/workbench.view';
import { sqlValues } from './sections/section-statement';
import { toItem } from './workbench.service';

describe('workbench items', () => {
  const scope = { now: new Date('2026-11-25T02:00:00Z'), today: '2026-11-25' };
  const base = { kind: WorkbenchItemKind.ServiceRequest, action: WorkbenchAction.Accept, id: 'a', title: 't' };

  it('is overdue when its due time has passed, or its due day is before today in the township', () => {
    expect(toItem({ ...base, dueAt: '2026-11-25T01:59:59Z' }, scope).overdue).toBe(true);
    expect(toItem({ ...base, dueAt: '2026-11-25T02:00:01Z' }, scope).overdue).toBe(false);
    expect(toItem({ ...base, dueOn: '2026-11-24' }, scope).overdue).toBe(true);
    expect(toItem({ ...base, dueOn: '2026-11-25' }, scope).overdue).toBe(false);
    expect(toItem({ ...base, since: '2026-11-01T00:00:00Z' }, scope)).toMatchObject({
      overdue: false,
      dueAt: null,
      dueOn: null,
      since: new Date('2026-11-01T00:00:00Z'),
    });
  });

  it('never calls a meeting under way late', () => {
    expect(
      toItem(
        { ...base, kind: WorkbenchItemKind.Meeting, action: WorkbenchAction.Attend, dueAt: '2026-11-25T01:30:00Z' },
        scope,
      ).overdue,
    ).toBe(false);
  });

  it('puts only enum values into SQL', () => {
    expect(sqlValues(['routed', 'in_progress'])).toBe(`'routed', 'in_progress'`);
    expect(() => sqlValues(["x'; DROP TABLE users; --"])).toThrow();
  });
});
