import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { OutsideRequestTransaction } from '@app/audit';
import { AppError } from '@app/errors';
import { ApiErrorResponses } from '@app/http';
import { Public, Roles } from '../access.decorators';
import { AccountSecurityService } from '../account-security.service';
import { accountViewOf, AuthService } from '../auth.service';
import { CurrentPrincipal, Principal, RequestWithPrincipal } from '../principal';
import { ROLES } from '../role';
import { PRIVACY_POLICY, TERMS_OF_USE, TERMS_VERSION } from '../terms/terms';
import { CodeLoginRequest, CodeRequest, LoginRequest, PasswordChangeRequest, PasswordResetRequest, TermsConsentRequest } from './login.request.dto';
import { CodeRequestResponse, LoginResponse, PrincipalResponse, TermsResponse } from './principal.response.dto';

/**
 * Sign-in (username or phone, with a password or a one-time SMS code), password change and reset, and the privacy
 * policy and terms. Every attempt is audited (POST: success and failure rows); anonymous routes are throttled per
 * client address, and codes also per number (AccountSecurityService).
 */
@ApiTags('auth 登录')
@ApiErrorResponses()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly security: AccountSecurityService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @OutsideRequestTransaction()
  @ApiOperation({ summary: 'Sign in with username (or the account’s mobile number) and password; returns a bearer access token' })
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    return LoginResponse.of(await this.auth.login(body.username, body.password));
  }

  @Post('codes')
  @HttpCode(202)
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Send a one-time SMS code for sign-in or password reset (the same answer whether or not the number has an account)' })
  @ApiAcceptedResponse({ type: CodeRequestResponse })
  requestCode(@Body() body: CodeRequest): Promise<CodeRequestResponse> {
    return this.security.requestCode(body.phone, body.purpose);
  }

  @Post('login/code')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @OutsideRequestTransaction()
  @ApiOperation({ summary: 'Sign in with the mobile number and the SMS code (counted and locked like passwords)' })
  @ApiOkResponse({ type: LoginResponse })
  async loginWithCode(@Body() body: CodeLoginRequest): Promise<LoginResponse> {
    return LoginResponse.of(await this.security.loginWithCode(body.phone, body.code));
  }

  @Post('password/reset')
  @HttpCode(204)
  @Public()
  @UseGuards(ThrottlerGuard)
  @OutsideRequestTransaction()
  @ApiOperation({ summary: 'Set a new password with an SMS reset code; every session of the account ends' })
  @ApiNoContentResponse({ description: 'the password was changed' })
  async resetPassword(@Body() body: PasswordResetRequest): Promise<void> {
    await this.security.resetPassword(body.phone, body.code, body.newPassword);
  }

  @Post('password')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiBearerAuth()
  @OutsideRequestTransaction()
  @ApiOperation({ summary: 'Change my password (the current one is required); other sessions end, a fresh token is returned' })
  @ApiOkResponse({ type: LoginResponse })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: PasswordChangeRequest): Promise<LoginResponse> {
    return LoginResponse.of(await this.security.changePassword(principal, body.currentPassword, body.newPassword));
  }

  @Get('terms')
  @Public()
  @ApiOperation({ summary: 'The current privacy policy and terms of use, with their version' })
  @ApiOkResponse({ type: TermsResponse })
  terms(): TermsResponse {
    return { version: TERMS_VERSION, privacyPolicyZh: PRIVACY_POLICY['zh-CN'], privacyPolicyEn: PRIVACY_POLICY.en, termsZh: TERMS_OF_USE['zh-CN'], termsEn: TERMS_OF_USE.en };
  }

  @Post('terms/consent')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Agree to the current privacy policy and terms (version and time are recorded)' })
  @ApiOkResponse({ type: PrincipalResponse })
  async consent(@CurrentPrincipal() principal: Principal, @Body() body: TermsConsentRequest): Promise<PrincipalResponse> {
    return PrincipalResponse.of(principal, accountViewOf(await this.security.acceptTerms(principal, body.version)));
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I' })
  @ApiOkResponse({ type: PrincipalResponse })
  me(@CurrentPrincipal() principal: Principal, @Req() request: RequestWithPrincipal): PrincipalResponse {
    // The account as the AccessGuard read it for this request (a second read would only repeat it).
    if (!request.account) throw new AppError(HttpStatus.UNAUTHORIZED, 'TOKEN_INVALID');
    return PrincipalResponse.of(principal, request.account);
  }
}
