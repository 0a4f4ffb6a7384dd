import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Principal } from '../principal';
import { ROLES, Role } from '../role';

export class PrincipalResponse {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ nullable: true, type: String }) employerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) seekerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) regionCode: string | null;

  static of(principal: Principal): PrincipalResponse {
    return Object.assign(new PrincipalResponse(), principal);
  }
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: PrincipalResponse }) principal: PrincipalResponse;
}
