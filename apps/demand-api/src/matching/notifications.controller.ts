import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { AppError } from '@app/errors';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { NotificationsService } from '@app/notifications';
import { NotificationResponse } from './matching.response.dto';

class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ default: false }) @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications 站内信')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles('admin', 'officer', 'station_staff', 'employer', 'seeker')
  @ApiOperation({ summary: 'The caller’s in-app inbox, newest first' })
  @ApiPageResponse(NotificationResponse)
  async inbox(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery) {
    const [items, total] = await this.notifications.inbox(principal.userId, query.offset, query.limit, query.unread);
    return PageResponse.of(
      items.map(({ id, kind, titleZh, titleEn, bodyZh, bodyEn, link, createdAt, readAt }) => ({ id, kind, titleZh, titleEn, bodyZh, bodyEn, link, createdAt, readAt })),
      total,
      query,
    );
  }

  @Post(':id/read')
  @HttpCode(204)
  @Roles('admin', 'officer', 'station_staff', 'employer', 'seeker')
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read' })
  @ApiNoContentResponse()
  async read(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<void> {
    if (!(await this.notifications.markRead(principal.userId, id))) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
  }
}
