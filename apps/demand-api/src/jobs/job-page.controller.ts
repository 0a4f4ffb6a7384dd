import { Controller, Get, HttpStatus, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequestWithPrincipal } from '@app/auth';
import { shanghaiDate } from '@app/clock';
import { AppError } from '@app/errors';
import { JobPageService } from '@app/events';
import { ApiErrorResponses, ParseIdPipe } from '@app/http';
import { ApplicationsService } from '@app/seeker-pool';
import { JobPageResponse } from './job-page.response.dto';

@ApiTags('search 搜索')
@ApiErrorResponses()
@Controller('jobs')
export class JobPageController {
  constructor(
    private readonly pages: JobPageService,
    private readonly applications: ApplicationsService,
  ) {}

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'A published job’s page: everything the posting says, the named place, the employer’s card, upcoming events where it is offered, similar jobs; a signed-in seeker also gets her own application',
    description: 'Only published postings (open or partially filled) have a page; any other id answers 404. No personal data.',
  })
  @ApiOkResponse({ type: JobPageResponse })
  async page(@Param('id', ParseIdPipe) id: string, @Req() http: RequestWithPrincipal): Promise<JobPageResponse> {
    const page = await this.pages.page(id, shanghaiDate(new Date()));
    if (!page) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    const principal = http.principal;
    let mine = null;
    if (principal?.role === 'seeker' && principal.seekerId) {
      const [[application]] = await this.applications.list(principal, { shortageId: id, offset: 0, limit: 1 });
      if (application) mine = { id: application.id, status: application.status, createdAt: application.createdAt };
    }
    return JobPageResponse.of(page, mine);
  }
}
