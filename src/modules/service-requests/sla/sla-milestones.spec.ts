import { ServiceRequestStatus as S } from '../entities/service-request-status';
import { milestones } from './sla-milestones';

const calendar = { holidays: new Set<string>(), workdays: new Set<string>(), timeZone: 'Asia/Shanghai' };
const at = (local: string) => new Date(`${local}+08:00`);

describe('SLA milestones', () => {
  const request = {
    status: S.Routed,
    createdAt: at('2026-11-23T09:00:00'),
    routedAt: at('2026-11-23T09:00:00'),
    acceptDueAt: at('2026-11-23T14:30:00'), // 4 working hours
    resolveDueAt: at('2026-11-27T17:30:00'),
  };

  it('warns at 80 % of the working time and escalates level by level after the deadline', () => {
    const accept = milestones(request, calendar).filter((m) => m.phase === 'accept');
    expect(accept.map((m) => [m.level, m.at])).toEqual([
      [0, at('2026-11-23T13:42:00')], // 80 % of 240 min = 192 min: 180 before lunch + 12 after
      [1, at('2026-11-23T14:30:00')],
      [2, at('2026-11-24T14:30:00')],
      [3, at('2026-11-25T14:30:00')],
    ]);
  });

  it('stops the accept clock once accepted, and every clock once resolved', () => {
    expect(milestones({ ...request, status: S.Accepted }, calendar).every((m) => m.phase === 'resolve')).toBe(true);
    expect(milestones({ ...request, status: S.Resolved }, calendar)).toEqual([]);
    expect(milestones({ ...request, status: S.Returned }, calendar)).toEqual([]);
  });

  it('keys each milestone by its deadline, so a new deadline brings new milestones', () => {
    const before = milestones(request, calendar).map((m) => m.key);
    const after = milestones({ ...request, acceptDueAt: at('2026-11-24T10:00:00') }, calendar).map((m) => m.key);
    expect(after.filter((k) => k.startsWith('sla:accept')).some((k) => before.includes(k))).toBe(false);
  });
});
