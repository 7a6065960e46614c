import { NamedRef, PersonRef } from '../../../platform/http/references.view';
import { ApplicationStep } from '../entities/project-application.entity';
import { ProjectCallStatus } from '../entities/project-call-status';

export class ApplicationNoteView {
  id: string;
  step: ApplicationStep;
  author: PersonRef;
  note: string;
  createdAt: Date;
}

export class ApplicationView {
  id: string;
  callId: string;
  callName: string;
  deadline: string;
  organization: NamedRef;
  step: ApplicationStep;
  /** Not yet with the issuer, and the deadline has not passed. */
  unfinished: boolean;
  notes: ApplicationNoteView[];
  createdAt: Date;
  updatedAt: Date;
}

export class ApplicationPage {
  items: ApplicationView[];
  nextCursor: string | null;
}

export class ProjectCallView {
  id: string;
  allianceId: string | null;
  name: string;
  issuingBody: string;
  deadline: string;
  eligibilityTags: string[];
  description: string | null;
  status: ProjectCallStatus;
  /** The actor's organisation may apply. */
  eligible: boolean;
  /** The actor's organisation's application, if any. */
  myApplicationId: string | null;
  applicationCount: number;
  createdAt: Date;
}

export class ProjectCallPage {
  items: ProjectCallView[];
  nextCursor: string | null;
}

export class ProjectCallDetailView extends ProjectCallView {
  /** Every application (service team), or only the actor's own. */
  applications: ApplicationView[];
  /** Eligible members (service team only; empty for others). */
  eligibleOrganizations: NamedRef[];
}
