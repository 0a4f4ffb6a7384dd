import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'demo-officer' })
  @IsString() @MinLength(1) @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Demo@2025' })
  @IsString() @MinLength(1) @MaxLength(256)
  password: string;
}
