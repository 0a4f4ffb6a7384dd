import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { AppError } from '@app/errors';
import { ParseIdPipe } from '@app/http';
import { SeekerDirectory } from '@app/seeker-pool';
import { SeekerResponse } from './seeker.response.dto';

@ApiTags('seekers 求职者')
@ApiBearerAuth()
@Controller('seekers')
export class SeekersController {
  constructor(
    private readonly seekers: SeekerDirectory,
    private readonly cipher: FieldCipher,
  ) {}

  @Get('me')
  @Roles('seeker')
  @ApiOperation({ summary: 'My own profile' })
  @ApiOkResponse({ type: SeekerResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<SeekerResponse> {
    if (!principal.seekerId) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    return SeekerResponse.of(await this.seekers.getVisible(principal, principal.seekerId), principal, this.cipher);
  }

  @Get(':id')
  @Roles('admin', 'officer', 'seeker')
  @ApiOperation({ summary: 'One profile, ID and phone masked (404 when outside the caller’s scope)' })
  @ApiOkResponse({ type: SeekerResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<SeekerResponse> {
    return SeekerResponse.of(await this.seekers.getVisible(principal, id), principal, this.cipher);
  }
}
