/**
 * Every feature's jobs file, then the registry sealed: what needs all queues (registering them in
 * the worker, their job-id sequences on PostgreSQL, the check that every job has a handler) reads
 * it only after this file loaded. A new feature with jobs adds its line here, as it adds its
 * module to the API and the worker.
 */
import './platform/notifications/notifications.jobs';
import './platform/backup/backup.jobs';
import './modules/registry-transfer/registry-transfer.jobs';
import './modules/service-requests/service-requests.jobs';
import './modules/meetings/meetings.jobs';
import './modules/action-items/action-items.jobs';
import './modules/pairing/pairing.jobs';
import './modules/think-tank/think-tank.jobs';
import './modules/dashboard/dashboard.jobs';
import './modules/ledger/ledger.jobs';
import './modules/project-calls/project-calls.jobs';
import './modules/indicators/indicators.jobs';
import './modules/alliances/alliances.jobs';
import './modules/intake/intake.jobs';
import { sealJobRegistry } from './platform/queue/job-registry';

sealJobRegistry();
