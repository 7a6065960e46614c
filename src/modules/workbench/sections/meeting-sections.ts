import { MeetingStatus } from '../../meetings/entities/meeting-status';
import { MinutesStatus } from '../../meetings/entities/minutes-status';
import { RsvpResponse } from '../../meetings/entities/rsvp-status';
import { MAX_MEETING_HOURS } from '../../meetings/exported-views';
import { WorkbenchAction, WorkbenchItemKind, WorkbenchSectionKey } from '../dto/workbench.view';
import { sectionStatement, type Statement, statementSection, type WorkbenchScope } from './section-statement';

const PLACE = `coalesce((SELECT z.name FROM venue_zone_directory z WHERE z.id = m.zone_id), m.address)`;

/**
 * Meetings still to come where the person has an answer to give: their own invitation still
 * pending (the meeting page's RSVP bar), or their organisation's invitation that names nobody yet
 * (the participants table's "I attend"). The soonest first.
 */
export function meetingsToAnswerQuery(scope: WorkbenchScope): Statement {
  const mine = `p.attendee_id = $1 AND p.response = '${RsvpResponse.Pending}'`;
  return sectionStatement({
    from: 'meeting_directory m',
    where: `m.status = '${MeetingStatus.Scheduled}' AND m.starts_at > $3
            AND m.id IN (SELECT p.meeting_id FROM meeting_participant_directory p WHERE (${mine}) OR (p.organization_id = $2 AND p.attendee_id IS NULL))`,
    order: 'm.starts_at, m.id',
    key: 'm.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.Meeting}', 'id', m.id, 'title', m.title, 'reference', ${PLACE},
             'action', CASE WHEN EXISTS (SELECT 1 FROM meeting_participant_directory p WHERE p.meeting_id = m.id AND ${mine}) THEN '${WorkbenchAction.Rsvp}' ELSE '${WorkbenchAction.NameAttendee}' END,
             'dueAt', m.starts_at, 'endsAt', m.ends_at)`,
    params: [scope.actor.userId, scope.actor.organizationId, scope.now],
    limit: scope.limit,
  });
}

/**
 * This week's meetings (the township's Monday to Sunday) the person or their organisation is
 * invited to, from now on: a meeting under way still counts. Meetings last at most
 * MAX_MEETING_HOURS, so the start bounds the range of ix_meetings__tenant_starts.
 */
export function meetingsThisWeekQuery(scope: WorkbenchScope): Statement {
  const earliestStart = new Date(scope.now.getTime() - MAX_MEETING_HOURS * 3600_000);
  return sectionStatement({
    from: 'meeting_directory m',
    where: `m.status = '${MeetingStatus.Scheduled}' AND m.starts_at >= $4 AND m.starts_at < $5 AND m.ends_at > $3
            AND EXISTS (SELECT 1 FROM meeting_participant_directory p WHERE p.meeting_id = m.id AND (p.attendee_id = $1 OR p.organization_id = $2))`,
    order: 'm.starts_at, m.id',
    key: 'm.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.Meeting}', 'action', '${WorkbenchAction.Attend}', 'id', m.id, 'title', m.title,
             'reference', ${PLACE}, 'dueAt', m.starts_at, 'endsAt', m.ends_at)`,
    params: [
      scope.actor.userId,
      scope.actor.organizationId,
      scope.now,
      earliestStart > scope.weekStart ? earliestStart : scope.weekStart,
      scope.weekEnd,
    ],
    limit: scope.limit,
  });
}

/** Minutes circulated for comments, waiting for the chair's approval (the minutes tab's approve button). */
export function minutesToApproveQuery(scope: WorkbenchScope): Statement {
  return sectionStatement({
    from: 'meeting_minutes_directory mm JOIN meeting_directory m ON m.id = mm.meeting_id',
    where: `m.chair_id = $1 AND mm.status = '${MinutesStatus.Circulated}'`,
    order: 'mm.updated_at, mm.id',
    key: 'mm.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.Meeting}', 'action', '${WorkbenchAction.ApproveMinutes}', 'id', m.id, 'title', m.title,
             'reference', ${PLACE}, 'since', mm.updated_at, 'endsAt', m.ends_at)`,
    params: [scope.actor.userId],
    limit: scope.limit,
  });
}

export const MEETINGS_TO_ANSWER = statementSection(WorkbenchSectionKey.MeetingsToAnswer, meetingsToAnswerQuery);
export const MEETINGS_THIS_WEEK = statementSection(WorkbenchSectionKey.MeetingsThisWeek, meetingsThisWeekQuery);
export const MINUTES_TO_APPROVE = statementSection(WorkbenchSectionKey.MinutesToApprove, minutesToApproveQuery);
