import { randomUUID } from 'node:crypto';
import { CHINA_2026 } from '../../../src/platform/calendar/china-holidays-2026';
import { LEAD, MEMBERS } from '../anhai-data';
import type { HistoryContext } from './index';
import { DECLINE_REASONS, MEETING_TOPICS, MINUTES_COMMENTS, type MeetingTopic } from './meeting-topics';
import { DEPARTMENT_NAMES, RECORDER_EMAIL, type HistoryPeople } from './people';
import type { DemoRandom } from './random';
import { insertRows, plusMinutes, shanghai } from './rows';

type Rsvp = {
  organization: string;
  response: 'accepted' | 'declined' | 'pending';
  reason: string | null;
  attends: boolean;
  named: boolean;
};

interface PlannedMeeting {
  title: string;
  topic: MeetingTopic;
  zone: string;
  day: string;
  startsAt: string;
  endsAt: string;
  held: boolean;
  invited: Rsvp[];
  /** Index among held meetings, newest = 1; 0 for meetings still to come. */
  monthsAgo: number;
}

const DAY_MS = 86_400_000;

/** The second Thursday of the month `monthsAgo` months before today's month: the alliance's meeting day. */
function meetingDay(today: string, monthsAgo: number): string {
  const [year, month] = today.split('-').map(Number);
  const index = year * 12 + (month - 1) - monthsAgo;
  const first = new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
  const thursday = 1 + ((4 - first.getUTCDay() + 7) % 7) + 7;
  let day = new Date(first.getTime() + (thursday - 1) * DAY_MS);
  // Not on a public holiday (the calendar the product knows): the next working weekday instead.
  while (HOLIDAYS.has(day.toISOString().slice(0, 10)) || [0, 6].includes(day.getUTCDay()))
    day = new Date(day.getTime() + DAY_MS);
  return day.toISOString().slice(0, 10);
}

const HOLIDAYS = new Set(CHINA_2026.filter((d) => d.kind === 'holiday').map((d) => d.date));

function shuffled<T>(items: readonly T[], random: DemoRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const monthTitle = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月党建联盟联席会议`;

/**
 * The plan of the year: twelve monthly joint meetings held before today and two to come, each with
 * who was invited and how they answered. A pure function of today and the seeded random, so a second
 * seed plans the same meetings and finds them there.
 */
function plan(context: HistoryContext): PlannedMeeting[] {
  const random = context.random('meetings');
  const members = MEMBERS.map((m) => m.name).filter((name) => name !== '兴翼机械' && name !== '鸿安机械');
  const rsvp = (organization: string, held: boolean): Rsvp => {
    const roll = random.next();
    if (roll < 0.08)
      return { organization, response: 'declined', reason: random.pick(DECLINE_REASONS), attends: false, named: true };
    if (roll < 0.12) return { organization, response: 'pending', reason: null, attends: false, named: false };
    return { organization, response: 'accepted', reason: null, attends: held && random.chance(0.94), named: true };
  };
  const meetings: PlannedMeeting[] = [];
  for (let monthsAgo = 12; monthsAgo >= 1; monthsAgo--) {
    const day = meetingDay(context.dates.today, monthsAgo);
    const topic = MEETING_TOPICS[(12 - monthsAgo) % MEETING_TOPICS.length];
    // Mid-year and year-end meetings gather everyone in the party-member activity zone.
    const big = ['06', '12'].includes(day.slice(5, 7));
    const invited = [
      LEAD.name,
      ...DEPARTMENT_NAMES,
      '兴翼机械',
      '鸿安机械',
      ...shuffled(members, random).slice(0, big ? 22 : 10),
    ];
    meetings.push({
      title: monthTitle(day),
      topic,
      zone: big ? '党员活动区' : '事务共商区',
      day,
      startsAt: shanghai(day, '14:30'),
      endsAt: shanghai(day, '16:30'),
      held: true,
      invited: invited.map((organization) => rsvp(organization, true)),
      monthsAgo,
    });
  }
  // To come: this month's meeting in the next days, and a coordination meeting the week after.
  const next = context.dates.weekday(2);
  const soon = context.dates.weekday(7);
  const answered = (organization: string): Rsvp =>
    ['兴翼机械', '晋工机械', '安海镇经济发展办公室'].includes(organization)
      ? { organization, response: 'pending', reason: null, attends: false, named: true }
      : random.chance(0.5)
        ? { organization, response: 'accepted', reason: null, attends: false, named: true }
        : { organization, response: 'pending', reason: null, attends: false, named: false };
  meetings.push({
    title: monthTitle(next),
    topic: MEETING_TOPICS[0],
    zone: '事务共商区',
    day: next,
    startsAt: shanghai(next, '14:30'),
    endsAt: shanghai(next, '16:30'),
    held: false,
    invited: [LEAD.name, ...DEPARTMENT_NAMES, '兴翼机械', '鸿安机械', ...shuffled(members, random).slice(0, 10)].map(
      answered,
    ),
    monthsAgo: 0,
  });
  meetings.push({
    title: '安海园在建企业用地与配套专题协调会',
    topic: MEETING_TOPICS[1],
    zone: '事务共商区',
    day: soon,
    startsAt: shanghai(soon, '15:00'),
    endsAt: shanghai(soon, '17:00'),
    held: false,
    invited: [
      '晋工机械',
      '兴翼机械',
      '鸿安机械',
      '恒达智能装备',
      '安海镇自然资源所',
      '安海镇经济发展办公室',
      '安海镇应急管理办公室',
    ].map(answered),
    monthsAgo: 0,
  });
  return meetings;
}

/** Joint meetings with invitations, answers, check-ins, agendas, minutes and the action items they decided. */
export async function seedMeetings(context: HistoryContext, people: HistoryPeople): Promise<void> {
  const { db, tenantId, allianceId, organizations, dates } = context;
  const random = context.random('meeting-details');
  const planned = plan(context);
  const { rows: existing } = await db.query<{ title: string; starts_at: Date }>(
    `SELECT title, starts_at FROM meetings WHERE alliance_id = $1 AND title = ANY($2)`,
    [allianceId, planned.map((m) => m.title)],
  );
  const seen = new Set(existing.map((m) => `${m.title}|${m.starts_at.toISOString()}`));
  const { rows: zones } = await db.query<{ id: string; name: string }>(
    `SELECT z.id, z.name FROM venue_zones z JOIN venues v ON v.id = z.venue_id WHERE z.tenant_id = $1 ORDER BY v.created_at`,
    [tenantId],
  );
  const zoneId = (name: string) => zones.find((z) => z.name === name)?.id ?? null;
  const recorder = people.byEmail(RECORDER_EMAIL);
  const now = dates.now.toISOString();
  const org = (name: string) => organizations.get(name)!;
  const contact = (name: string) => people.contactOf.get(org(name))!;

  const rows = {
    meetings: [] as Record<string, unknown>[],
    participants: [] as Record<string, unknown>[],
    attendance: [] as Record<string, unknown>[],
    reservations: [] as Record<string, unknown>[],
    agenda: [] as Record<string, unknown>[],
    minutes: [] as Record<string, unknown>[],
    comments: [] as Record<string, unknown>[],
    items: [] as Record<string, unknown>[],
    updates: [] as Record<string, unknown>[],
  };

  const newestHeld = Math.min(...planned.filter((m) => m.held).map((m) => m.monthsAgo));
  for (const meeting of planned) {
    // Drawn for every planned meeting, so the ones already there do not shift the others' details.
    const detail = {
      created: random.int(7, 14),
      codeSeed: random.next(),
      approveDays: random.int(2, 6),
      revised: random.chance(0.3),
      comment: random.pick(MINUTES_COMMENTS),
      rolls: Array.from({ length: 40 }, () => random.next()),
    };
    if (seen.has(`${meeting.title}|${meeting.startsAt}`)) continue;
    const id = randomUUID();
    const createdAt = meeting.held
      ? plusMinutes(meeting.startsAt, -detail.created * 1440 - 300)
      : plusMinutes(now, -(meeting.monthsAgo === 0 ? 3 : 5) * 1440);
    const zone = zoneId(meeting.zone);
    rows.meetings.push({
      id,
      tenant_id: tenantId,
      alliance_id: allianceId,
      title: meeting.title,
      description: `本次议题：${meeting.topic.theme}。`,
      convener_id: people.official,
      chair_id: people.official,
      recorder_id: recorder,
      place_kind: zone ? 'room' : 'address',
      zone_id: zone,
      address: zone ? null : '安海镇智能装备产业集群党群活动中心',
      starts_at: meeting.startsAt,
      ends_at: meeting.endsAt,
      status: 'scheduled',
      check_in_code: meeting.held
        ? Math.floor(detail.codeSeed * 2 ** 52)
            .toString(36)
            .padStart(11, '0')
        : null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    if (zone)
      rows.reservations.push({
        tenant_id: tenantId,
        zone_id: zone,
        meeting_id: id,
        starts_at: meeting.startsAt,
        ends_at: meeting.endsAt,
        created_at: createdAt,
      });
    // The chair is invited by name and has accepted; organisations are invited as such and name who comes.
    rows.participants.push({
      tenant_id: tenantId,
      meeting_id: id,
      organization_id: null,
      attendee_id: people.official,
      required: true,
      response: 'accepted',
      responded_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
    });
    const deadline = meeting.held ? meeting.startsAt : now;
    for (const [i, answer] of meeting.invited.entries()) {
      const respondedAt =
        answer.response === 'pending'
          ? null
          : plusMinutes(
              createdAt,
              60 +
                Math.floor(
                  (detail.rolls[i % 40] * (new Date(deadline).getTime() - new Date(createdAt).getTime() - 7_200_000)) /
                    60_000,
                ),
            );
      rows.participants.push({
        tenant_id: tenantId,
        meeting_id: id,
        organization_id: org(answer.organization),
        attendee_id: answer.named ? contact(answer.organization) : null,
        required: false,
        response: answer.response,
        decline_reason: answer.reason,
        responded_at: respondedAt,
        created_at: createdAt,
        updated_at: respondedAt ?? createdAt,
      });
      if (answer.attends) {
        rows.attendance.push({
          tenant_id: tenantId,
          meeting_id: id,
          user_id: contact(answer.organization),
          organization_id: org(answer.organization),
          checked_in_at: plusMinutes(meeting.startsAt, -20 + Math.floor(detail.rolls[(i + 7) % 40] * 30)),
        });
      }
    }
    if (meeting.held)
      rows.attendance.push({
        tenant_id: tenantId,
        meeting_id: id,
        user_id: people.official,
        organization_id: null,
        checked_in_at: plusMinutes(meeting.startsAt, -10),
      });

    // The agenda: last time's items reviewed, the month's theme, and a member's proposal.
    const proposer = meeting.topic.proposal.by;
    const agenda = [
      {
        title: '上次联席会议议定事项落实情况通报',
        by: people.official,
        byOrganization: null,
        status: 'accepted',
        note: null,
      },
      { title: meeting.topic.item, by: people.official, byOrganization: null, status: 'accepted', note: null },
      {
        title: meeting.topic.proposal.title,
        by: contact(proposer),
        byOrganization: org(proposer),
        status: meeting.held ? 'accepted' : 'proposed',
        note: meeting.held ? meeting.topic.proposal.note : null,
      },
    ];
    agenda.forEach((item, position) => {
      const at = plusMinutes(createdAt, 30 + position * 600);
      rows.agenda.push({
        tenant_id: tenantId,
        meeting_id: id,
        title: item.title,
        proposed_by_id: item.by,
        proposed_by_organization_id: item.byOrganization,
        status: item.status,
        decision_note: item.note,
        position: position + 1,
        created_at: at,
        updated_at: at,
      });
    });
    if (!meeting.held) continue;

    const present = meeting.invited.filter((a) => a.attends);
    const decisions = meeting.topic.decisions.map((d) => ({
      ...d,
      dueOn: new Date(Date.parse(meeting.day) + d.dueDays * DAY_MS).toISOString().slice(0, 10),
    }));
    const minutesCreated = plusMinutes(meeting.endsAt, 18 * 60);
    const last = meeting.monthsAgo === newestHeld;
    const approvedAt = last ? null : plusMinutes(minutesCreated, detail.approveDays * 1440);
    const minutesId = randomUUID();
    rows.minutes.push({
      id: minutesId,
      tenant_id: tenantId,
      meeting_id: id,
      status: last ? 'circulated' : 'approved',
      version: detail.revised && !last ? 2 : 1,
      approved_by_id: last ? null : people.official,
      approved_at: approvedAt,
      created_at: minutesCreated,
      updated_at: approvedAt ?? plusMinutes(minutesCreated, 120),
      content: minutesText(
        meeting,
        present.map((a) => a.organization),
        decisions,
      ),
    });
    if (detail.revised || last) {
      const author = contact(present[0]?.organization ?? LEAD.name);
      rows.comments.push({
        tenant_id: tenantId,
        minutes_id: minutesId,
        author_id: author,
        version: 1,
        body: detail.comment,
        created_at: plusMinutes(minutesCreated, 300),
      });
    }
    decisions.forEach((decision, index) =>
      rows.items.push(
        ...actionItem(
          context,
          people,
          {
            meetingId: id,
            decision,
            createdAt: plusMinutes(minutesCreated, 60),
            monthsAgo: meeting.monthsAgo,
            index,
            roll: detail.rolls.slice(20 + index * 4),
          },
          rows.updates,
        ),
      ),
    );
  }
  await insertRows(db, 'meetings', rows.meetings);
  await insertRows(db, 'room_reservations', rows.reservations);
  await insertRows(db, 'meeting_participants', rows.participants);
  await insertRows(db, 'meeting_attendance', rows.attendance);
  await insertRows(db, 'agenda_items', rows.agenda);
  await insertRows(db, 'meeting_minutes', rows.minutes);
  await insertRows(db, 'minutes_comments', rows.comments);
  await insertRows(db, 'action_items', rows.items);
  await insertRows(db, 'action_item_updates', rows.updates);
}

/**
 * A decision of a held meeting as its action item: long past ones done (now and then a few days
 * late), the newest under way, and a few late ones still open; `updates` gets the owner's progress reports.
 */
function actionItem(
  context: HistoryContext,
  people: HistoryPeople,
  source: {
    meetingId: string;
    decision: { title: string; owner: string; dueOn: string };
    createdAt: string;
    monthsAgo: number;
    index: number;
    roll: number[];
  },
  updates: Record<string, unknown>[],
): Record<string, unknown>[] {
  const { tenantId, allianceId, organizations, dates } = context;
  const { decision, createdAt, roll } = source;
  const owner = organizations.get(decision.owner)!;
  const author = people.contactOf.get(owner)!;
  const today = dates.today;
  const now = dates.now.toISOString();
  const id = randomUUID();
  const pastDue = decision.dueOn < today;
  // Late: the first decision two months back always, and some others of the last five months.
  const late = pastDue && ((source.monthsAgo === 2 && source.index === 0) || (source.monthsAgo <= 5 && roll[0] < 0.3));
  const dueAt = shanghai(decision.dueOn, '17:30');
  let status: string;
  let progress: number;
  let completedAt: string | null = null;
  if (pastDue && !late) {
    status = 'done';
    progress = 100;
    const finish = plusMinutes(dueAt, Math.floor((roll[1] * 1.15 - 1) * 10) * 1440);
    completedAt = finish < now ? (finish > createdAt ? finish : plusMinutes(createdAt, 2880)) : plusMinutes(now, -1440);
  } else if (late || roll[1] < 0.75) {
    status = 'in_progress';
    progress = 20 + Math.floor(roll[2] * 6) * 10;
  } else {
    status = 'open';
    progress = 0;
  }
  const reports =
    status === 'done' ? [50 + Math.floor(roll[2] * 3) * 10, 100] : status === 'in_progress' ? [progress] : [];
  const last = completedAt ?? plusMinutes(now, -Math.floor(roll[3] * 5 + 1) * 1440);
  reports.forEach((value, i) => {
    const at =
      i === reports.length - 1
        ? last
        : plusMinutes(createdAt, Math.floor((new Date(last).getTime() - new Date(createdAt).getTime()) / 120_000));
    updates.push({
      tenant_id: tenantId,
      action_item_id: id,
      author_id: author,
      progress: value,
      note: value === 100 ? '已完成，相关材料已归档。' : '正在推进，已完成前期对接。',
      created_at: at > createdAt ? at : plusMinutes(createdAt, 60),
    });
  });
  const daysLate = late ? Math.floor((Date.parse(today) - Date.parse(decision.dueOn)) / DAY_MS) : 0;
  const updatedAt = reports.length ? (last > createdAt ? last : plusMinutes(createdAt, 60)) : createdAt;
  return [
    {
      id,
      tenant_id: tenantId,
      alliance_id: allianceId,
      meeting_id: source.meetingId,
      title: decision.title,
      owner_organization_id: owner,
      due_on: decision.dueOn,
      status,
      progress,
      completed_at: completedAt,
      escalation_level: Math.min(3, daysLate),
      created_by_id: people.official,
      created_at: createdAt,
      updated_at: updatedAt,
    },
  ];
}

function minutesText(
  meeting: PlannedMeeting,
  present: string[],
  decisions: { title: string; owner: string; dueOn: string }[],
): string {
  return [
    `${meeting.title}纪要`,
    `时间：${meeting.day} 14:30—16:30`,
    `地点：安海镇智能装备产业集群党群活动中心${meeting.zone}`,
    '主持：林镇长　记录：陈丽',
    `出席单位（${present.length} 家）：${present.join('、')}`,
    '',
    `一、通报上次联席会议议定事项落实情况。`,
    `二、${meeting.topic.item}。`,
    `三、${meeting.topic.proposal.by}提出：${meeting.topic.proposal.title}。会议意见：${meeting.topic.proposal.note}`,
    '',
    '议定事项：',
    ...decisions.map((d, i) => `${i + 1}. ${d.title}（责任单位：${d.owner}，完成时限：${d.dueOn}）`),
  ].join('\n');
}
