import { NamedRef, PersonRef } from '../../../platform/http/references.view';
import { TypicalCaseStatus } from '../entities/typical-case-status';

export class CasePhotoView {
  id: string;
  contentType: string;
  size: number;
}

export class TypicalCaseView {
  id: string;
  alliance: NamedRef;
  organization: NamedRef;
  title: string;
  summary: string;
  body: string;
  status: TypicalCaseStatus;
  reviewComment: string | null;
  nominatedBy: PersonRef;
  publishedAt: Date | null;
  photos: CasePhotoView[];
  createdAt: Date;
  updatedAt: Date;
}

export class TypicalCasePage {
  items: TypicalCaseView[];
  nextCursor: string | null;
}

export class ShowcaseSettingsView {
  allianceId: string;
  enabled: boolean;
  /** The public address's slug: /showcase/<slug>; null until first enabled. */
  slug: string | null;
}

export class ShowcaseCaseView {
  id: string;
  title: string;
  organizationName: string;
  summary: string;
  body: string;
  publishedAt: string;
  photoIds: string[];
}

export class ShowcaseFiguresView {
  /** Lead and member enterprises. */
  members: number;
  departments: number;
  partyMembers: number;
  meetingsHeld: number;
  serviceRequestsResolved: number;
  publishedCases: number;
}

/** What anyone may see of an alliance: no people, no contacts, nothing unpublished. */
export class ShowcaseView {
  alliance: { name: string; industry: string | null; description: string | null };
  figures: ShowcaseFiguresView;
  cases: ShowcaseCaseView[];
}
