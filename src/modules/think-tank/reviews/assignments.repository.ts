import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CursorPart } from '../../../platform/pagination/keyset';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { AssignmentStatus } from '../entities/review-assignment-status';
import { ReviewAssignment } from '../entities/review-assignment.entity';
import type { EditorDecision } from '../entities/review-round.entity';

/** A row of review_assignments as PostgreSQL returns it. */
export interface AssignmentRow {
  id: string;
  tenant_id: string;
  report_id: string;
  round_id: string;
  expert_id: string;
  ordinal: number;
  status: AssignmentStatus;
  respond_by: Date;
  due_at: Date;
  responded_at: Date | null;
  decline_reason: string | null;
  scores: Record<string, number>;
  recommendation: EditorDecision | null;
  comments_to_authors: string | null;
  confidential_comments: string | null;
  submitted_at: Date | null;
  reminders_sent: string[];
  created_at: Date;
  updated_at: Date;
}

export interface AssignmentWithReviewerRow extends AssignmentRow {
  reviewer_user_id: string;
  reviewer_name: string;
}

export interface QueueRow {
  id: string;
  done: boolean;
  /** due_at as text, to the microsecond, for the cursor. */
  due_at: string;
}

export interface DueReminderRow {
  id: string;
  status: 'invited' | 'accepted';
  respond_by: Date;
  due_at: Date;
  reminders_sent: string[];
  user_id: string;
  title: string;
}

/** Reviewer invitations and reviews (review_assignments). */
@Injectable()
export class AssignmentsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  private get assignments() {
    return this.manager.getRepository(ReviewAssignment);
  }

  /** The experts who submitted a review in the given round of the report, in reviewer order. */
  async submittedExperts(reportId: string, roundNumber: number): Promise<string[]> {
    const rows = await this.manager.query<{ expert_id: string }[]>(
      `SELECT a.expert_id FROM review_assignments a JOIN review_rounds r ON r.id = a.round_id
        WHERE a.report_id = $1 AND r.number = $2 AND a.status = 'submitted' ORDER BY a.ordinal`,
      [reportId, roundNumber],
    );
    return rows.map((r) => r.expert_id);
  }

  ofRound(roundId: string): Promise<ReviewAssignment[]> {
    return this.assignments.find({ where: { roundId } });
  }

  countSubmitted(roundId: string): Promise<number> {
    return this.assignments.countBy({ roundId, status: AssignmentStatus.Submitted });
  }

  /** The expert's ordinal on the report if they had one, and the next free one. */
  async ordinals(reportId: string, expertId: string): Promise<{ ordinal: number | null; next: number }> {
    const [row] = await this.manager.query<{ ordinal: number | null; next: number }[]>(
      `SELECT max(ordinal) FILTER (WHERE expert_id = $2) AS ordinal, coalesce(max(ordinal), 0) + 1 AS next FROM review_assignments WHERE report_id = $1`,
      [reportId, expertId],
    );
    return row;
  }

  /** Inserts the invitation, or overwrites the row of the same expert in the same round. */
  async upsertInvitation(values: Partial<ReviewAssignment>): Promise<void> {
    await this.assignments.upsert(values, ['roundId', 'expertId']);
  }

  findInRound(roundId: string, expertId: string): Promise<ReviewAssignment> {
    return this.assignments.findOneByOrFail({ roundId, expertId });
  }

  /** Records the answer to an invitation still open at `now`; false when it no longer was. */
  async respond(
    id: string,
    now: Date,
    answer: Pick<ReviewAssignment, 'status' | 'respondedAt' | 'declineReason'>,
  ): Promise<boolean> {
    const updated = await this.assignments
      .createQueryBuilder()
      .update()
      .set(answer)
      .where('id = :id AND status = :invited AND respond_by > :now', { id, invited: AssignmentStatus.Invited, now })
      .execute();
    return !!updated.affected;
  }

  async update(id: string, changes: Partial<ReviewAssignment>): Promise<void> {
    await this.assignments.update({ id }, changes);
  }

  /** Saves the submitted review if the assignment is still accepted; false when it was not. */
  async submit(id: string, review: Partial<ReviewAssignment>): Promise<boolean> {
    const updated = await this.assignments.update({ id, status: AssignmentStatus.Accepted }, review);
    return !!updated.affected;
  }

  /** Cancels the invitations and reviews of the round still open. */
  async cancelOutstanding(roundId: string): Promise<void> {
    await this.manager.query(
      `UPDATE review_assignments SET status = 'cancelled', updated_at = now() WHERE round_id = $1 AND status IN ('invited', 'accepted')`,
      [roundId],
    );
  }

  async tenantTimeZone(tenantId: string): Promise<string> {
    const [{ time_zone }] = await this.manager.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM tenants WHERE id = $1',
      [tenantId],
    );
    return time_zone;
  }

  /**
   * The user's review queue, cancelled ones left out: open ones first, then the history, each by due
   * time; one more row than the limit.
   */
  queue(userId: string, after: CursorPart[] | null, limit: number): Promise<QueueRow[]> {
    const [afterDone, afterDueAt, afterId] = after ?? [null, null, null];
    return this.manager.query<QueueRow[]>(
      `SELECT a.id, a.status NOT IN ('invited', 'accepted') AS done, a.due_at::text AS due_at
         FROM review_assignments a JOIN experts e ON e.id = a.expert_id
        WHERE e.user_id = $1 AND a.status <> 'cancelled'
          AND ($4::uuid IS NULL OR (a.status NOT IN ('invited', 'accepted'), a.due_at, a.id) > ($2::boolean, $3::timestamptz, $4::uuid))
        ORDER BY a.status NOT IN ('invited', 'accepted'), a.due_at, a.id LIMIT $5`,
      [userId, afterDone, afterDueAt, afterId, limit],
    );
  }

  /** The assignment if it is the user's and not cancelled. */
  async mine(id: string, userId: string): Promise<AssignmentRow | null> {
    const [row] = await this.manager.query<AssignmentRow[]>(
      `SELECT a.* FROM review_assignments a JOIN experts e ON e.id = a.expert_id WHERE a.id = $1 AND e.user_id = $2 AND a.status <> 'cancelled'`,
      [id, userId],
    );
    return row ?? null;
  }

  /** Every assignment of the report, in reviewer order, with the reviewer's account and name. */
  withReviewers(reportId: string): Promise<AssignmentWithReviewerRow[]> {
    return this.manager.query<AssignmentWithReviewerRow[]>(
      `SELECT a.*, u.id AS reviewer_user_id, u.display_name AS reviewer_name FROM review_assignments a
         JOIN experts e ON e.id = a.expert_id JOIN people_directory u ON u.id = e.user_id
        WHERE a.report_id = $1 ORDER BY a.ordinal`,
      [reportId],
    );
  }

  /**
   * Invitations whose reply-by time, and accepted reviews whose due time, fall within the reminder
   * windows after `now`; locked, skipping those another worker holds.
   */
  dueReminders(now: Date): Promise<DueReminderRow[]> {
    return this.manager.query<DueReminderRow[]>(
      `SELECT a.id, a.status, a.respond_by, a.due_at, a.reminders_sent, e.user_id, r.title
         FROM review_assignments a JOIN experts e ON e.id = a.expert_id JOIN research_reports r ON r.id = a.report_id
        WHERE (a.status = 'invited' AND a.respond_by > $1 AND a.respond_by <= $1::timestamptz + interval '24 hours')
           OR (a.status = 'accepted' AND a.due_at > $1 AND a.due_at <= $1::timestamptz + interval '72 hours')
        FOR UPDATE OF a SKIP LOCKED`,
      [now],
    );
  }

  async markRemindersSent(id: string, keys: string[]): Promise<void> {
    await this.manager.query(
      `UPDATE review_assignments SET reminders_sent = reminders_sent || $2::text[] WHERE id = $1`,
      [id, keys],
    );
  }
}
