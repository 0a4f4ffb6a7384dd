import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@app/auth';
import { EventInvitationsService, EventRegistrationsService, InvitationsSent } from '@app/events';
import { ApiErrorResponses, ParseIdPipe } from '@app/http';
import { AnswerInvitationRequest, SendInvitationsRequest } from './events.request.dto';
import { InvitationAnswerResponse, InvitationList, InvitationResponse, InvitationsSentResponse } from './events.response.dto';

@ApiTags('events 招聘活动')
@ApiErrorResponses()
@Controller('events/:id/invitations')
export class EventInvitationsController {
  constructor(
    private readonly invitations: EventInvitationsService,
    private readonly registrations: EventRegistrationsService,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin', 'station_staff')
  @ApiOperation({
    summary: 'Send the invitations not yet sent: employers and seekers (in-app inbox now, SMS from the outbox), with expiring answer links',
  })
  @ApiOkResponse({ type: InvitationsSentResponse })
  send(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: SendInvitationsRequest): Promise<InvitationsSent> {
    return this.invitations.send(principal, id, body.seekerIds ?? []);
  }

  @Get()
  @ApiBearerAuth()
  @Roles('admin', 'officer', 'station_staff')
  @ApiOperation({ summary: 'Employers and seekers invited, with their answers' })
  @ApiOkResponse({ type: InvitationList })
  async list(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<{ items: InvitationResponse[] }> {
    return { items: (await this.invitations.list(principal, id)).map(InvitationResponse.of) };
  }

  @Post('respond')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Accept or decline an invitation with the token of its link (no sign-in needed; the token is signed, expires and carries no personal data)',
    description: 'A seeker who accepts is registered (if places are left) and gets the entry ticket.',
  })
  @ApiOkResponse({ type: InvitationAnswerResponse })
  answer(@Param('id', ParseIdPipe) id: string, @Body() body: AnswerInvitationRequest) {
    return this.registrations.answer(id, body.token, body.answer === 'accept');
  }
}
