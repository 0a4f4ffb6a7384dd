import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsRegionCode } from '@app/taxonomy';
import { ROLES, Role } from '../role';
import { IsNotMobileNumber } from './login.request.dto';
import { User } from '../user.entity';

export class CreateUserRequest {
  @ApiProperty({ example: 'officer-haikou-01', description: 'letters, digits, - and _; case-insensitive' })
  @Matches(/^[a-zA-Z0-9_-]{3,64}$/, { message: '用户名只能包含字母、数字、- 和 _，长度 3–64' }) @IsNotMobileNumber()
  username: string;

  @ApiProperty({ minLength: 10 })
  @IsString() @MinLength(10, { message: '密码至少 10 位' }) @MaxLength(256)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ example: '王海燕' })
  @IsString() @MinLength(1) @MaxLength(64)
  displayName: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  seekerId?: string;

  @ApiPropertyOptional({ example: '460100' }) @IsOptional() @IsRegionCode()
  regionCode?: string;
}

/** What an administrator may change on an account. */
export class UpdateUserRequest {
  @ApiPropertyOptional({ example: '王海燕' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  displayName?: string;

  @ApiPropertyOptional({ example: '460100', nullable: true, type: String, description: 'null: the whole province' })
  @IsOptional() @IsRegionCode()
  regionCode?: string | null;

  @ApiPropertyOptional({ description: 'A disabled account cannot sign in, and its tokens stop working at once' }) @IsOptional() @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'false: lift a lock after repeated failed sign-ins' }) @IsOptional() @IsIn([false])
  locked?: false;
}

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) employerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) seekerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty() locked: boolean;
  @ApiProperty() createdAt: Date;

  static of(user: User, now = new Date()): UserResponse {
    return Object.assign(new UserResponse(), {
      id: user.id,
      username: user.username,
      role: user.role,
      displayName: user.displayName,
      employerId: user.employerId,
      seekerId: user.seekerId,
      regionCode: user.regionCode,
      disabled: user.disabled,
      locked: !!user.lockedUntil && user.lockedUntil > now,
      createdAt: user.createdAt,
    });
  }
}
