// First: every feature's notification types, so the registry is complete before anything reads it.
import './notification-types';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ActionItemsModule } from './modules/action-items/action-items.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { AlliancesModule } from './modules/alliances/alliances.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { ResourceSharingModule } from './modules/resource-sharing/resource-sharing.module';
import { ProjectCallsModule } from './modules/project-calls/project-calls.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { TypicalCasesModule } from './modules/typical-cases/typical-cases.module';
import { RegistryTransferModule } from './modules/registry-transfer/registry-transfer.module';
import { ServiceRequestsModule } from './modules/service-requests/service-requests.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { ThinkTankModule } from './modules/think-tank/think-tank.module';
import { UsersModule } from './modules/users/users.module';
import { VenuesModule } from './modules/venues/venues.module';
import { StudyRouteModule } from './modules/study-route/study-route.module';
import { PairingModule } from './modules/pairing/pairing.module';
import { WorkbenchModule } from './modules/workbench/workbench.module';
import { IntakeModule } from './modules/intake/intake.module';
import { KnowledgeBaseModule } from './modules/knowledge-base/knowledge-base.module';
import { AuditModule } from './platform/audit/audit.module';
import { AuthModule } from './platform/auth/auth.module';
import { BackupsApiModule } from './platform/backup/backups-api.module';
import { CoreModule } from './platform/core.module';
import { GlobalExceptionFilter } from './platform/errors/global-exception.filter';
import { HealthModule } from './platform/health/health.module';
import { MetricsModule } from './platform/metrics/metrics.module';
import { NotificationsApiModule } from './platform/notifications/notifications.module';
import { RequestTransactionInterceptor } from './platform/tenancy/request-transaction.interceptor';

@Module({
  imports: [
    CoreModule,
    DiscoveryModule,
    AuthModule,
    HealthModule,
    MetricsModule,
    NotificationsApiModule,
    AuditModule,
    BackupsApiModule,
    TenantsModule,
    UsersModule,
    OrganizationsModule,
    AlliancesModule,
    RegistryTransferModule,
    ServiceRequestsModule,
    MeetingsModule,
    VenuesModule,
    ActionItemsModule,
    ThinkTankModule,
    DashboardModule,
    LedgerModule,
    StudyRouteModule,
    PairingModule,
    IntakeModule,
    KnowledgeBaseModule,
    ResourceSharingModule,
    ProjectCallsModule,
    IndicatorsModule,
    TypicalCasesModule,
    WorkbenchModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: GlobalExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
  ],
})
export class ApiModule {}
