import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountView } from '../auth.service';
import { Principal } from '../principal';
import { ROLES, Role } from '../role';

export class PrincipalResponse {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ nullable: true, type: String }) employerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) seekerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ example: '王小燕', description: 'the name shown for the account (any script; the username stays Latin)' }) displayName: string;
  @ApiProperty({ description: 'the privacy policy and terms changed since the account agreed (or it never did): ask before anything else' })
  consentRequired: boolean;

  static of(principal: Principal, account: AccountView): PrincipalResponse {
    return Object.assign(new PrincipalResponse(), principal, account);
  }
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: PrincipalResponse }) principal: PrincipalResponse;

  static of(issued: { accessToken: string; tokenType: 'Bearer'; expiresIn: number; principal: Principal; account: AccountView }): LoginResponse {
    const { principal, account, ...token } = issued;
    return { ...token, principal: PrincipalResponse.of(principal, account) };
  }
}

export class CodeRequestResponse {
  @ApiProperty({ description: 'seconds a code stays valid; the answer is the same whether or not the number has an account' }) expiresInSeconds: number;
  @ApiProperty({ description: 'seconds before another code may be asked for this number' }) resendAfterSeconds: number;
}

export class TermsResponse {
  @ApiProperty({ example: '2026-12-07' }) version: string;
  @ApiProperty() privacyPolicyZh: string;
  @ApiProperty() privacyPolicyEn: string;
  @ApiProperty() termsZh: string;
  @ApiProperty() termsEn: string;
}
