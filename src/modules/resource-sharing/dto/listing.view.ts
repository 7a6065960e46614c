import { NamedRef, PersonRef } from '../../../platform/http/references.view';
import { ListingKind, ListingStatus } from '../entities/listing.entity';

export class ListingView {
  id: string;
  kind: ListingKind;
  category: string;
  tags: string[];
  title: string;
  description: string;
  validUntil: string | null;
  status: ListingStatus;
  organization: NamedRef | null;
  allianceId: string | null;
  /** Published by the actor's organisation. */
  mine: boolean;
  /** How many members expressed interest. */
  interestCount: number;
  createdAt: Date;
}

export class ListingPage {
  items: ListingView[];
  nextCursor: string | null;
}

export class MatchView {
  /** A listing (need, resource, project) or a person of the talent pool. */
  type: 'listing' | 'talent';
  id: string;
  /** For listings: their kind; null for talent. */
  kind: ListingKind | null;
  /** A listing's title or a person's name. */
  title: string;
  category: string;
  tags: string[];
  organization: NamedRef | null;
  sameCategory: boolean;
  sharedTags: string[];
  /** Shared tags, plus one for the same category; higher first. */
  score: number;
}

export class MatchPage {
  items: MatchView[];
  nextCursor: string | null;
}

export class TalentView {
  id: string;
  name: string;
  title: string | null;
  category: string;
  skills: string[];
  summary: string | null;
  available: boolean;
  organization: NamedRef;
}

export class TalentPage {
  items: TalentView[];
  nextCursor: string | null;
}

/** A person of one of the two parties, with the contact details the other party may use. */
export class PartyContactView {
  id: string;
  displayName: string;
  email: string | null;
  mobile: string | null;
}

export class InterestMessageView {
  id: string;
  author: PersonRef;
  body: string;
  createdAt: Date;
}

export class InterestView {
  id: string;
  listing: { id: string; title: string; kind: ListingKind; status: ListingStatus };
  owner: NamedRef | null;
  interested: NamedRef;
  /** Contacts of both sides; visible only to the two parties and officials. */
  ownerContacts: PartyContactView[];
  interestedContacts: PartyContactView[];
  messages: InterestMessageView[];
  createdAt: Date;
}

export class InterestSummaryView {
  id: string;
  listing: { id: string; title: string; kind: ListingKind; status: ListingStatus };
  owner: NamedRef | null;
  interested: NamedRef;
  createdAt: Date;
}

export class InterestPage {
  items: InterestSummaryView[];
  nextCursor: string | null;
}
