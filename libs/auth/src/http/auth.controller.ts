import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { OutsideRequestTransaction } from '@app/audit';
import { Public, Roles } from '../access.decorators';
import { AuthService } from '../auth.service';
import { CurrentPrincipal, Principal } from '../principal';
import { ROLES } from '../role';
import { LoginRequest } from './login.request.dto';
import { LoginResponse, PrincipalResponse } from './principal.response.dto';
import { ApiErrorResponses } from '@app/http';

@ApiTags('auth 登录')
@ApiErrorResponses()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @OutsideRequestTransaction()
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer access token' })
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    const issued = await this.auth.login(body.username, body.password);
    return { ...issued, principal: PrincipalResponse.of(issued.principal) };
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I' })
  @ApiOkResponse({ type: PrincipalResponse })
  me(@CurrentPrincipal() principal: Principal): PrincipalResponse {
    return PrincipalResponse.of(principal);
  }
}
