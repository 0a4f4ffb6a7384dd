import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxService } from './outbox.service';

/**
 * The one DataSource (entities registered by each domain module through TypeOrmModule.forFeature) and a
 * request-scoped transaction context: services write through TransactionHost, so the audit row, the
 * change and its outbox rows commit together.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), autoLoadEntities: true, retryAttempts: 5, retryDelay: 1000 }),
    }),
    TypeOrmModule.forFeature([OutboxEvent]),
    ClsModule.forRoot({
      global: true,
      // No proxy providers here: resolving them (a require() per request) was ~2% of a signed-in request's CPU in B14.
      middleware: { mount: true, resolveProxyProviders: false },
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
        }),
      ],
    }),
  ],
  providers: [OutboxService],
  exports: [OutboxService, TypeOrmModule],
})
export class DatabaseModule {}
