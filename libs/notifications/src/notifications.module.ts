import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { createSmsSender, SmsSender } from './sms-sender';

/** In-app notices and the SMS port (one sender per process: events' invitations and sign-in codes share it). */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [NotificationsService, { provide: SmsSender, inject: [AppConfig], useFactory: (config: AppConfig): SmsSender => createSmsSender(config) }],
  exports: [NotificationsService, SmsSender],
})
export class NotificationsModule {}
