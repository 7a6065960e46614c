import { ruleMatches } from '../../../src/modules/service-requests/routing/router.service';
import { isWorkingDay, type CalendarOverrides } from '../../../src/platform/calendar/working-calendar';
import { LEAD, MEMBERS } from '../anhai-data';
import type { DemoRandom } from './random';
import type { RequestPlan } from './request-story';
import {
  FOLLOW_UP_OUTCOMES,
  PROGRESS_NOTES,
  RATING_COMMENTS,
  REJECTION_REASONS,
  REQUEST_TEXTS,
  SUPERVISION_NOTES,
} from './request-texts';
import type { Sla } from './request-timeline';

export interface CategoryFacts extends Sla {
  id: string;
  code: string;
  providerOrganizationId: string;
}

export interface RuleFacts {
  id: string;
  categoryId: string | null;
  keywords: string[];
  targetOrganizationId: string;
}

/** A request as the enterprise filed it, and how it will go. */
export interface FiledRequest {
  plan: RequestPlan;
  category: CategoryFacts;
  requester: { organizationId: string; userId: string };
  title: string;
  description: string;
  urgency: 'normal' | 'urgent';
  preferredContact: { name?: string; phone?: string; method?: 'phone' | 'visit' | 'online' };
}

export interface PlanningFacts {
  /** Township dates, first and last, of the history (inclusive). */
  from: string;
  to: string;
  now: Date;
  calendar: CalendarOverrides;
  categories: CategoryFacts[];
  rules: RuleFacts[];
  organizations: Map<string, string>;
  contacts: Map<string, { id: string; name: string; phone: string }>;
  pairedDepartments: Map<string, string>;
  leaderId: string;
}

/** 春节: the week around it, the township files almost nothing. */
const SPRING_FESTIVAL: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};
/** Requests by month of the year: the application season in spring and autumn, quieter in summer and around holidays. */
const MONTH_FACTOR = [0.95, 0.8, 1.25, 1.15, 1.1, 1.15, 1.0, 0.9, 1.1, 0.85, 1.1, 1.05];
/** How often each category is asked for, and in which months (1-12) it is asked for more. */
const CATEGORY_WEIGHTS: Record<string, { weight: number; season?: Record<number, number> }> = {
  policy: { weight: 18 },
  project_application: { weight: 14, season: { 3: 1.8, 4: 1.8, 5: 1.6, 9: 1.5, 12: 0.6, 1: 0.6, 2: 0.6 } },
  financing: { weight: 12, season: { 12: 1.5, 1: 1.5, 6: 1.3, 9: 1.3 } },
  talent: { weight: 13, season: { 2: 2.0, 3: 1.8, 6: 1.4, 7: 1.4 } },
  land_construction: { weight: 7 },
  permits: { weight: 10 },
  intellectual_property: { weight: 8 },
  export_customs: { weight: 6, season: { 10: 1.4, 11: 1.4 } },
  safety_environment: { weight: 7, season: { 5: 1.6, 6: 1.8, 7: 1.8, 8: 1.6, 12: 1.3, 1: 1.3 } },
  other: { weight: 5 },
};
/** Requests a working day brings, before the month's and the year's factors (about 330 a year). */
const PER_WORKING_DAY = 1.2;
const ON_TIME: Record<string, number> = { land_construction: 0.85, project_application: 0.9 };

const DAY_MS = 86_400_000;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

function poisson(random: DemoRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k++;
  return k;
}

function weighted<T>(random: DemoRandom, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let roll = random.next() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items[items.length - 1];
}

/** How many requests a township day brings: working days most, weekends and holidays few, 春节 almost none. */
function dayMean(date: string, facts: PlanningFacts): number {
  const year = Number(date.slice(0, 4));
  const festival = SPRING_FESTIVAL[year];
  const offset = festival ? daysBetween(festival, date) : 99;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const working = isWorkingDay(date, weekday, facts.calendar);
  const day =
    offset >= -2 && offset <= 7
      ? 0.05
      : offset >= -8 && offset <= 12
        ? 0.35
        : working
          ? 1
          : facts.calendar.holidays.has(date)
            ? 0.05
            : 0.12;
  // The alliance is used more as the year goes on: from 80 % to 120 % of the average.
  const trend = 0.8 + 0.4 * (daysBetween(facts.from, date) / Math.max(1, daysBetween(facts.from, facts.to)));
  return PER_WORKING_DAY * day * MONTH_FACTOR[Number(date.slice(5, 7)) - 1] * trend;
}

/** A township time on `date`: mostly office hours, some in the evening. */
function submittedAt(random: DemoRandom, date: string): Date {
  const minute = random.chance(0.84)
    ? random.chance(0.45)
      ? random.int(8 * 60 + 20, 11 * 60 + 50)
      : random.int(13 * 60 + 40, 17 * 60 + 50)
    : random.int(18 * 60 + 30, 22 * 60 + 30);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const ss = String(random.int(0, 59)).padStart(2, '0');
  // The demo's township keeps Beijing time (TENANT.timeZone).
  return new Date(`${date}T${hh}:${mm}:${ss}.${String(random.int(0, 999)).padStart(3, '0')}+08:00`);
}

/** Stars on time and late: mostly 4 and 5; a late one now and then gets 1 or 2. */
function stars(random: DemoRandom, late: boolean): number {
  const roll = random.next();
  const [five, four, three, two] = late ? [0.2, 0.55, 0.77, 0.91] : [0.62, 0.92, 0.98, 0.995];
  return roll < five ? 5 : roll < four ? 4 : roll < three ? 3 : roll < two ? 2 : 1;
}

/** Every request of the year, in the order they were filed, each with how it will go. */
export function planRequests(facts: PlanningFacts, random: DemoRandom): FiledRequest[] {
  const filed: FiledRequest[] = [];
  const enterprises = [LEAD, ...MEMBERS].filter((e) => facts.contacts.has(e.name));
  const seen = new Set<string>();
  for (let date = facts.from; date <= facts.to; date = nextDay(date)) {
    const month = Number(date.slice(5, 7));
    const times = Array.from({ length: poisson(random, dayMean(date, facts)) }, () => submittedAt(random, date)).sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    for (const createdAt of times) {
      const category = weighted(
        random,
        facts.categories,
        (c) => CATEGORY_WEIGHTS[c.code].weight * (CATEGORY_WEIGHTS[c.code].season?.[month] ?? 1),
      );
      const candidates = enterprises.filter((e) => facts.organizations.get(e.name) !== category.providerOrganizationId);
      let enterprise = weighted(random, candidates, (e) => (e === LEAD ? 30 : e.members + 6));
      let text = random.pick(REQUEST_TEXTS[category.code]);
      // The same enterprise does not ask the same thing twice in a year: another one asks it.
      for (let tries = 0; seen.has(`${enterprise.name}:${text.title}`) && tries < 5; tries++) {
        enterprise = weighted(random, candidates, (e) => (e === LEAD ? 30 : e.members + 6));
        text = random.pick(REQUEST_TEXTS[category.code]);
      }
      seen.add(`${enterprise.name}:${text.title}`);
      const fill = (s: string) =>
        s
          .replaceAll('{年}', date.slice(0, 4))
          .replaceAll('{产品}', random.pick(enterprise.tags))
          .replaceAll('{数}', String(random.int(2, 6)));
      const title = fill(text.title);
      const description = fill(text.description);
      const requester = {
        organizationId: facts.organizations.get(enterprise.name)!,
        userId: facts.contacts.get(enterprise.name)!.id,
      };
      const contact = facts.contacts.get(enterprise.name)!;

      // Routing as RequestRouter decides: the first matching rule, the paired department, the provider.
      const rule = facts.rules.find((r) => ruleMatches(r, { categoryId: category.id, title, description }));
      const paired = facts.pairedDepartments.get(requester.organizationId);
      const routed = rule
        ? { organizationId: rule.targetOrganizationId, reason: 'rule' as const, ruleId: rule.id }
        : paired
          ? { organizationId: paired, reason: 'paired_department' as const }
          : { organizationId: category.providerOrganizationId, reason: 'category_provider' as const };
      const transferTo = text.transfer && facts.organizations.get(text.transfer.to);
      const transfer =
        text.transfer && transferTo && transferTo !== routed.organizationId
          ? { organizationId: transferTo, reason: text.transfer.reason }
          : undefined;
      const onTime = random.chance(ON_TIME[category.code] ?? 0.93);
      const returned =
        text.returned && random.chance(0.5)
          ? { ...text.returned, afterHours: 1 + random.next() * 6, answerAfterHours: 2 + random.next() * 14 }
          : undefined;
      const closingRoll = random.next();
      filed.push({
        category,
        requester,
        title,
        description,
        urgency: random.chance(0.08) ? 'urgent' : 'normal',
        preferredContact: {
          name: contact.name,
          ...(random.chance(0.6) ? { phone: contact.phone } : {}),
          ...(random.chance(0.5) ? { method: random.pick(['phone', 'visit', 'online'] as const) } : {}),
        },
        plan: {
          createdAt,
          requesterId: requester.userId,
          leaderId: facts.leaderId,
          sla: category,
          routed,
          transfer,
          reject: !transfer && !returned && random.chance(0.012) ? random.pick(REJECTION_REASONS) : undefined,
          acceptShare: random.chance(0.95) ? 0.05 + 0.75 * random.next() ** 1.5 : 1.05 + 0.6 * random.next(),
          secondAcceptShare: 0.05 + 0.6 * random.next(),
          startAfterHours: random.chance(0.65) ? 0.2 + random.next() * 3 : null,
          progressNote: random.chance(0.35) ? random.pick(PROGRESS_NOTES) : undefined,
          returned,
          resolveShare: onTime ? 0.2 + 0.75 * random.next() : 1.02 + 0.5 * random.next() ** 2,
          resolution: fill(text.transfer?.resolution ?? text.resolution),
          chase: random.chance(0.6),
          supervisionNote: random.chance(0.8) ? random.pick(SUPERVISION_NOTES) : undefined,
          closing: closingRoll < 0.8 ? 'rate' : closingRoll < 0.84 ? 'close' : 'none',
          closeAfterHours: 0.5 + random.next() ** 2 * 20,
          rating: ((starsOnTime, starsLate, commentRoll) => (late: boolean) => {
            const value = late ? starsLate : starsOnTime;
            const comments = RATING_COMMENTS[value];
            return { stars: value, comment: comments[Math.floor(commentRoll * comments.length)] };
          })(stars(random, false), stars(random, true), random.next()),
          followUpOutcome: random.pick(FOLLOW_UP_OUTCOMES),
        },
      });
    }
  }
  markStalled(filed, facts, random);
  return filed;
}

/**
 * A few requests of the last weeks that got stuck: still open well past their deadline, chased by
 * the enterprise and escalated up to the township leader (the supervision board's 督办); and one
 * nobody has accepted for days.
 */
function markStalled(filed: FiledRequest[], facts: PlanningFacts, random: DemoRandom): void {
  const ago = (r: FiledRequest) => (facts.now.getTime() - r.plan.createdAt.getTime()) / DAY_MS;
  const hard = ['land_construction', 'permits', 'project_application', 'safety_environment', 'intellectual_property'];
  const plain = (r: FiledRequest) => !r.plan.transfer && !r.plan.reject && !r.plan.returned;
  const stuck = filed.filter((r) => plain(r) && hard.includes(r.category.code) && ago(r) >= 8 && ago(r) <= 40);
  for (let i = 0; i < 5 && stuck.length > 0; i++) {
    const [request] = stuck.splice(random.int(0, stuck.length - 1), 1);
    Object.assign(request.plan, {
      resolveShare: 60,
      chase: true,
      supervisionNote: random.pick(SUPERVISION_NOTES),
      acceptShare: Math.min(request.plan.acceptShare, 0.8),
    });
  }
  const waiting = filed.filter((r) => plain(r) && ago(r) >= 3 && ago(r) <= 9);
  if (waiting.length > 0) random.pick(waiting).plan.acceptShare = 80;
  // And a low rating of the last weeks whose call-back (回访) is still to be made.
  const quick = ['policy', 'permits', 'financing', 'export_customs', 'safety_environment'];
  const unhappy = filed.filter(
    (r) => plain(r) && quick.includes(r.category.code) && r.plan.resolveShare < 1 && ago(r) >= 12 && ago(r) <= 25,
  );
  if (unhappy.length > 0)
    Object.assign(random.pick(unhappy).plan, {
      closing: 'rate',
      closeAfterHours: 2,
      rating: () => ({ stars: 2, comment: RATING_COMMENTS[2][1] }),
    });
}
