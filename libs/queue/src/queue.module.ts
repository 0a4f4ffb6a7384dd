import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '@app/config';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queue-names';
import { QueueConnections } from './queue-connections';
import { redisOptions } from './redis-connection';

/** BullMQ on the configured Redis, with the configured key prefix (tests give each file its own). */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.REDIS_URL),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.domainEvents }),
    BullModule.registerQueue({ name: QUEUES.imports }),
    BullModule.registerQueue({ name: QUEUES.maintenance }),
    BullModule.registerQueue({ name: QUEUES.matching }),
    BullModule.registerFlowProducer({ name: QUEUES.matching }),
  ],
  providers: [QueueConnections],
  exports: [BullModule],
})
export class QueueModule {}
