import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/tenancy/request-actor';
import type { ServiceRequestDetailView } from '../dto/service-request.dto';
import type { TimelineEntryType } from '../entities/service-request-event.entity';
import { ServiceRequestStatus as S } from '../entities/service-request-status';
import type { ServiceRequest } from '../entities/service-request.entity';
import { partiesOf } from '../request-parties';
import { ServiceRequestsRepository } from '../service-requests.repository';
import { ServiceRequestsService } from '../service-requests.service';
import { SlaEvaluator } from '../sla/sla-evaluator.service';
import { RequestAnnouncer } from './request-announcer.service';
import { Action, nextStatus, Party } from './transitions';

export interface StepSpec {
  action: Action;
  entry: TimelineEntryType;
  changes: (request: ServiceRequest) => Partial<ServiceRequest> | Promise<Partial<ServiceRequest>>;
  note?: string | null;
  /** Recorded on the timeline entry beside `from` and `to`; a function is read after `changes` ran. */
  data?: Record<string, unknown> | (() => Record<string, unknown>);
  /**
   * The township's own step, run by a job (the actor is `systemActor`): the request is locked
   * without a visibility check, the state machine sees the party 'system', the timeline names no
   * user, and a request that is gone is no step.
   */
  system?: boolean;
  /** How a system step locks and reads the request, when it reads more in the same round trip. */
  lock?: (id: string) => Promise<ServiceRequest | null>;
  /** A step that is no longer wanted (a retried job after the first one committed) changes nothing. */
  only?: (request: ServiceRequest) => boolean;
  /** The timeline entry's key: a job that runs twice records it once. */
  dedupeKey?: string;
  /** Who is told, when not the default (the enterprise of any step not its own, the server of a routed request). */
  announce?: (request: ServiceRequest) => Promise<void>;
}

/**
 * One step of the lifecycle, the same for a person and for a job: lock the request, check the party
 * and the state, apply the change, re-evaluate the SLA, record it on the timeline and tell those
 * concerned, all in the caller's transaction. The row lock is what makes a step happen once when
 * two run at the same time: the second one waits, then sees the first one's state.
 */
@Injectable()
export class RequestSteps {
  constructor(
    private readonly requests: ServiceRequestsRepository,
    private readonly service: ServiceRequestsService,
    private readonly sla: SlaEvaluator,
    private readonly announcer: RequestAnnouncer,
  ) {}

  /** The step, answered with the request as its actor now sees it. */
  async run(actor: Actor, id: string, spec: StepSpec): Promise<ServiceRequestDetailView> {
    const updated = (await this.apply(actor, id, spec))!;
    // After a transfer the former provider no longer sees the request: answer with where it went, once.
    return partiesOf(actor, updated).length > 0
      ? this.service.detail(actor, id)
      : this.service.summaryAfterHandOver(id);
  }

  /** The step; null when the request is gone or `only` turned it down (a job's step only). */
  async apply(actor: Actor, id: string, spec: StepSpec): Promise<ServiceRequest | null> {
    const request = spec.system
      ? await (spec.lock ?? ((i: string) => this.requests.findForUpdate(i)))(id)
      : await this.service.requireVisible(actor, id, true);
    if (!request || (spec.only && !spec.only(request))) return null;
    const parties: Party[] = spec.system ? ['system'] : partiesOf(actor, request);
    const status = nextStatus(spec.action, request.status, parties, request.returnedFrom);
    const patch = { ...(await spec.changes(request)), status };
    const updated: ServiceRequest = { ...request, ...patch };
    const sla = await this.sla.settle(updated);
    const note = spec.note?.trim() || null;
    await this.requests.write(
      id,
      { ...patch, ...sla.columns },
      {
        timer: sla.timer,
        entry: {
          tenantId: request.tenantId,
          requestId: id,
          type: spec.entry,
          actorUserId: spec.system ? null : actor.userId,
          body: note,
          data: { from: request.status, to: status, ...(typeof spec.data === 'function' ? spec.data() : spec.data) },
          dedupeKey: spec.dedupeKey,
        },
      },
    );
    if (spec.announce) await spec.announce(updated);
    else
      await this.announcer.tell(
        actor.userId !== updated.requesterUserId ? this.announcer.updated(updated, spec.note ?? null) : null,
        updated.status === S.Routed ? await this.announcer.assigned(updated) : null,
      );
    return updated;
  }
}
