import { HttpStatus, Injectable } from '@nestjs/common';
import { Role } from '../../../platform/auth/entities/role';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { BlindMode, type ResearchReport, ReportStatus } from '../entities/research-report.entity';
import { ReportsRepository } from './reports.repository';

export type ViewerRole = 'editor' | 'author' | 'reviewer' | 'reader';

export interface ReportAccess {
  report: ResearchReport;
  role: ViewerRole;
  /** The viewer's expert profile, when they review this report. */
  expertId: string | null;
}

/**
 * How a user stands to a report. Officials edit; authors see their report and, once a round is
 * decided, its reviews without names; reviewers see what the blind mode allows; anyone in the
 * township reads published reports. Everyone else gets a 404, as if it did not exist.
 *
 * Authorship is checked first: an official who wrote a report is its author, not its editor, so they
 * never see who reviews it nor the comments meant only for the editor, and another official decides.
 */
@Injectable()
export class ReportAccessService {
  constructor(private readonly reports: ReportsRepository) {}

  async resolve(actor: Actor, reportId: string): Promise<ReportAccess> {
    const report = await this.reports.findById(reportId);
    if (!report) throw DomainException.notFound();
    if (await this.reports.isAuthor(reportId, actor.userId)) return { report, role: 'author', expertId: null };
    if (actor.role === Role.TownshipAdmin) return { report, role: 'editor', expertId: null };
    const reviewerExpertId = await this.reports.reviewerExpertId(reportId, actor.userId);
    if (reviewerExpertId) return { report, role: 'reviewer', expertId: reviewerExpertId };
    if (report.status === ReportStatus.Published) return { report, role: 'reader', expertId: null };
    throw DomainException.notFound();
  }

  async requireRole(actor: Actor, reportId: string, ...roles: ViewerRole[]): Promise<ReportAccess> {
    const access = await this.resolve(actor, reportId);
    if (!roles.includes(access.role)) throw DomainException.forbidden();
    return access;
  }

  /** The editor's work on a report (reviewers, decisions, publishing) is refused to its authors, with why. */
  async requireEditor(actor: Actor, reportId: string): Promise<ReportAccess> {
    const access = await this.resolve(actor, reportId);
    if (access.role === 'author' && actor.role === Role.TownshipAdmin) {
      throw new DomainException(ErrorCode.OwnReport, HttpStatus.FORBIDDEN, [
        { field: 'reportId', reason: 'ownReport' },
      ]);
    }
    if (access.role !== 'editor') throw DomainException.forbidden();
    return access;
  }

  /**
   * Whether the viewer may know who wrote the report. Publication ends double-blind review: a
   * published report is in the library, with its authors, for everyone in the township (reviewers
   * included), so hiding them from its reviewers alone would hide nothing. Reviewers stay hidden
   * from authors for good.
   */
  static authorsVisible(access: Pick<ReportAccess, 'role' | 'report'>): boolean {
    return !(
      access.role === 'reviewer' &&
      access.report.blindMode === BlindMode.Double &&
      access.report.status !== ReportStatus.Published
    );
  }
}
