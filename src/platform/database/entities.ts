import { AllianceMembership } from '../../modules/alliances/entities/alliance-membership.entity';
import { Alliance } from '../../modules/alliances/entities/alliance.entity';
import { Organization } from '../../modules/organizations/entities/organization.entity';
import { PartyOrganization } from '../../modules/organizations/entities/party-organization.entity';
import { TransferJob } from '../../modules/registry-transfer/entities/transfer-job.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { User } from '../auth/entities/user.entity';
import { GroupRobot } from '../notifications/entities/group-robot.entity';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { NotificationEvent } from '../notifications/entities/notification-event.entity';
import { NotificationPreference } from '../notifications/entities/notification-preference.entity';
import { NotificationSettings } from '../notifications/entities/notification-settings.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { ActionItemUpdate } from '../../modules/action-items/entities/action-item-update.entity';
import { ActionItem } from '../../modules/action-items/entities/action-item.entity';
import { CalendarFeed } from '../../modules/meetings/entities/calendar-feed.entity';
import { MeetingParticipant } from '../../modules/meetings/entities/meeting-participant.entity';
import { MeetingSeries } from '../../modules/meetings/entities/meeting-series.entity';
import { Meeting } from '../../modules/meetings/entities/meeting.entity';
import { AgendaItem } from '../../modules/meetings/entities/agenda-item.entity';
import { MeetingAttendance } from '../../modules/meetings/entities/meeting-attendance.entity';
import { MeetingMinutes } from '../../modules/meetings/entities/meeting-minutes.entity';
import { MinutesComment } from '../../modules/meetings/entities/minutes-comment.entity';
import { RoomReservation } from '../../modules/venues/entities/room-reservation.entity';
import { VenueZone } from '../../modules/venues/entities/venue-zone.entity';
import { Venue } from '../../modules/venues/entities/venue.entity';
import { VenueBooking } from '../../modules/venues/entities/venue-booking.entity';
import { VenuePhoto } from '../../modules/venues/entities/venue-photo.entity';
import { StudyBooking } from '../../modules/study-route/entities/study-booking.entity';
import { StudySitePhoto } from '../../modules/study-route/entities/study-site-photo.entity';
import { StudySiteVisit } from '../../modules/study-route/entities/study-site-visit.entity';
import { StudySite } from '../../modules/study-route/entities/study-site.entity';
import { PairingPair } from '../../modules/pairing/entities/pairing-pair.entity';
import { PairingVisitProblem } from '../../modules/pairing/entities/pairing-visit-problem.entity';
import { PairingVisit } from '../../modules/pairing/entities/pairing-visit.entity';
import { FollowUpTask } from '../../modules/service-requests/entities/follow-up-task.entity';
import { RoutingRule } from '../../modules/service-requests/entities/routing-rule.entity';
import { ServiceCategory } from '../../modules/service-requests/entities/service-category.entity';
import { ServiceRequestAttachment } from '../../modules/service-requests/entities/service-request-attachment.entity';
import { ServiceRequestEvent } from '../../modules/service-requests/entities/service-request-event.entity';
import { ServiceRequest } from '../../modules/service-requests/entities/service-request.entity';
import { TenantCounter } from '../../modules/service-requests/entities/tenant-counter.entity';
import { WorkingDayOverride } from '../calendar/working-day-override.entity';
import { ExpertDeclaration } from '../../modules/think-tank/entities/expert-declaration.entity';
import { Expert } from '../../modules/think-tank/entities/expert.entity';
import { ReportAuthor } from '../../modules/think-tank/entities/report-author.entity';
import { ReportVersion } from '../../modules/think-tank/entities/report-version.entity';
import { ResearchReport } from '../../modules/think-tank/entities/research-report.entity';
import { ReviewAssignment } from '../../modules/think-tank/entities/review-assignment.entity';
import { ReviewCriterion } from '../../modules/think-tank/entities/review-criterion.entity';
import { ReviewRound } from '../../modules/think-tank/entities/review-round.entity';
import { ListingInterestMessage } from '../../modules/resource-sharing/entities/listing-interest-message.entity';
import { ListingInterest } from '../../modules/resource-sharing/entities/listing-interest.entity';
import { Listing } from '../../modules/resource-sharing/entities/listing.entity';
import { Talent } from '../../modules/resource-sharing/entities/talent.entity';
import { ProjectApplicationNote } from '../../modules/project-calls/entities/project-application-note.entity';
import { ProjectApplication } from '../../modules/project-calls/entities/project-application.entity';
import { ProjectCall } from '../../modules/project-calls/entities/project-call.entity';
import { AllianceShowcase } from '../../modules/typical-cases/entities/alliance-showcase.entity';
import { TypicalCasePhoto } from '../../modules/typical-cases/entities/typical-case-photo.entity';
import { TypicalCase } from '../../modules/typical-cases/entities/typical-case.entity';
import { IndicatorRound } from '../../modules/indicators/entities/indicator-round.entity';
import { IndicatorSubmission } from '../../modules/indicators/entities/indicator-submission.entity';

export const entities = [
  Tenant,
  User,
  RefreshToken,
  Organization,
  PartyOrganization,
  Alliance,
  AllianceMembership,
  TransferJob,
  AuditEntry,
  OutboxEvent,
  NotificationEvent,
  Notification,
  NotificationDelivery,
  NotificationPreference,
  NotificationSettings,
  GroupRobot,
  ServiceCategory,
  RoutingRule,
  ServiceRequest,
  ServiceRequestEvent,
  ServiceRequestAttachment,
  WorkingDayOverride,
  FollowUpTask,
  TenantCounter,
  Venue,
  VenueZone,
  RoomReservation,
  MeetingSeries,
  Meeting,
  MeetingParticipant,
  CalendarFeed,
  ActionItem,
  ActionItemUpdate,
  AgendaItem,
  MeetingAttendance,
  MeetingMinutes,
  MinutesComment,
  Expert,
  ExpertDeclaration,
  ResearchReport,
  ReportAuthor,
  ReportVersion,
  ReviewCriterion,
  ReviewRound,
  ReviewAssignment,
  VenueBooking,
  VenuePhoto,
  StudySite,
  StudySitePhoto,
  StudyBooking,
  StudySiteVisit,
  PairingPair,
  PairingVisit,
  PairingVisitProblem,
  Listing,
  Talent,
  ListingInterest,
  ListingInterestMessage,
  ProjectCall,
  ProjectApplication,
  ProjectApplicationNote,
  TypicalCase,
  TypicalCasePhoto,
  AllianceShowcase,
  IndicatorRound,
  IndicatorSubmission,
];
