import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionAdapter } from './transaction-adapter';
import { ClsModule } from 'nestjs-cls';
import { type Environment, readReplicaUrls } from '../config/environment';
import { dataSourceOptions } from './data-source-options';
import { StatementCountingLogger } from './statement-counter';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        ...dataSourceOptions(
          config.get('DATABASE_URL', { infer: true }),
          config.get('DATABASE_POOL_SIZE', { infer: true }),
          {
            readUrls: readReplicaUrls({ DATABASE_READ_URL: config.get('DATABASE_READ_URL', { infer: true }) }),
            idleInTransactionTimeoutMs: config.get('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', { infer: true }),
            connectTimeoutMs: config.get('DATABASE_CONNECT_TIMEOUT_MS', { infer: true }),
          },
        ),
        logger: new StatementCountingLogger(config.get('DB_STATEMENT_TRACE_FILE', { infer: true })),
      }),
    }),
    ClsModule.forRoot({
      global: true,
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionAdapter(getDataSourceToken()),
        }),
      ],
    }),
  ],
})
export class DatabaseModule {}
