import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsIn, IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { isMobileNumber } from '@app/identifiers';
import { SMS_CODE_PURPOSES, SmsCodePurpose } from '../sms-code.entity';

/** A mainland mobile number; the message is class-validator style so it is rendered in zh-CN or English. */
const IsMobilePhone = (): PropertyDecorator =>
  ValidateBy({ name: 'isMobilePhone', validator: { validate: (value) => isMobileNumber(value), defaultMessage: (args) => `${args?.property} must be a mobile number: 11 digits starting with 1` } });
const IsSmsCode = (): PropertyDecorator =>
  ValidateBy({ name: 'isSmsCode', validator: { validate: (value) => typeof value === 'string' && /^\d{6}$/.test(value), defaultMessage: (args) => `${args?.property} must be the six digits of the SMS` } });

/**
 * A username must not look like a mobile number: the sign-in field takes either, and a username equal to someone's
 * number would stand in front of that person's phone sign-in.
 */
export const IsNotMobileNumber = (): PropertyDecorator =>
  ValidateBy({
    name: 'isNotMobileNumber',
    validator: { validate: (value) => !isMobileNumber(value), defaultMessage: (args) => `${args?.property} must not be a mobile number (sign in with the phone itself)` },
  });

export class LoginRequest {
  @ApiProperty({ example: 'demo-officer', description: 'the username, or the mobile number of the account' })
  @IsString() @MinLength(1) @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Demo@2025' })
  @IsString() @MinLength(1) @MaxLength(256)
  password: string;
}

export class CodeRequest {
  @ApiProperty({ example: '13800001234' }) @IsMobilePhone()
  phone: string;

  @ApiProperty({ enum: SMS_CODE_PURPOSES, example: 'sign_in' }) @IsIn(SMS_CODE_PURPOSES)
  purpose: SmsCodePurpose;
}

export class CodeLoginRequest {
  @ApiProperty({ example: '13800001234' }) @IsMobilePhone()
  phone: string;

  @ApiProperty({ example: '123456', description: 'the six digits of the SMS' }) @IsSmsCode()
  code: string;
}

export class PasswordResetRequest extends CodeLoginRequest {
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(256)
  newPassword: string;
}

export class PasswordChangeRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(256)
  newPassword: string;
}

export class TermsConsentRequest {
  @ApiProperty({ example: '2026-12-07', description: 'the version of the privacy policy and terms the person read (GET /api/auth/terms)' })
  @IsString() @MaxLength(32)
  version: string;

  @ApiProperty({ description: 'must be true' }) @Equals(true)
  accept: boolean;
}
