import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Clock } from '../../../platform/clock/clock';
import { MeetingNotification } from '../meetings.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { MEETINGS_QUEUE, MeetingJob } from '../meetings.jobs';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { MeetingStatus } from '../entities/meeting-status';
import { MeetingRemindersRepository } from './meeting-reminders.repository';

export const REMINDER_HOURS = [24, 1] as const;
export const reminderJobId = (meetingId: string, hours: number) => `meeting-reminder-${meetingId}-${hours}h`;

/** Keeps the 24 h and 1 h reminders of a meeting as delayed jobs: moved with it, removed when it is cancelled. */
@Injectable()
@HandlesJob(MeetingJob.SyncMeetingReminders)
export class SyncMeetingRemindersHandler implements JobHandler<MeetingJob.SyncMeetingReminders> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly reminders: MeetingRemindersRepository,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  async handle({ tenantId, meetingId }: JobPayloads[MeetingJob.SyncMeetingReminders]): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(MEETINGS_QUEUE), { strict: false });
    const meeting = await this.tenant.run(systemActor(tenantId), () => this.reminders.findMeeting(meetingId));
    for (const hours of REMINDER_HOURS) {
      const id = reminderJobId(meetingId, hours);
      const existing = await queue.getJob(id);
      if (existing && (await existing.getState()) !== 'active') await existing.remove();
      if (!meeting || meeting.status !== MeetingStatus.Scheduled) continue;
      const at = meeting.startsAt.getTime() - hours * 3600_000;
      if (at <= this.clock.now().getTime()) continue;
      await queue.add(
        MeetingJob.SendMeetingReminder,
        { tenantId, meetingId, hoursBefore: hours, startsAt: meeting.startsAt.toISOString() },
        {
          jobId: id,
          delay: at - this.clock.now().getTime(),
          removeOnComplete: true,
          removeOnFail: { age: 7 * 86_400 },
        },
      );
    }
  }
}

/** Sends a reminder, unless the meeting moved or was cancelled since it was scheduled: no stale reminder goes out. */
@Injectable()
@HandlesJob(MeetingJob.SendMeetingReminder)
export class SendMeetingReminderHandler implements JobHandler<MeetingJob.SendMeetingReminder> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly reminders: MeetingRemindersRepository,
    private readonly notifier: Notifier,
  ) {}

  handle({ tenantId, meetingId, hoursBefore, startsAt }: JobPayloads[MeetingJob.SendMeetingReminder]): Promise<void> {
    return this.tenant.run(systemActor(tenantId), async () => {
      const meeting = await this.reminders.findMeeting(meetingId);
      if (!meeting || meeting.status !== MeetingStatus.Scheduled || meeting.startsAt.toISOString() !== startsAt) return;
      const attendees = await this.reminders.expectedAttendeeIds(meetingId);
      const place = await this.reminders.zoneName(meeting.zoneId);
      await this.notifier.notify(
        { userIds: attendees },
        MeetingNotification.MeetingReminder,
        { meetingId, title: meeting.title, startsAt, place: place ?? meeting.address ?? meeting.onlineUrl },
        { urgent: true, dedupeKey: `meeting-reminder:${meetingId}:${hoursBefore}:${startsAt}` },
      );
    });
  }
}
