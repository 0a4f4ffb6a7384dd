import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { Roles } from '../access.decorators';
import { CurrentPrincipal, Principal } from '../principal';
import { ROLES, Role } from '../role';
import { UsersService } from '../users.service';
import { CreateUserRequest, UpdateUserRequest, UserResponse } from './user.dto';

class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of the username or display name' }) @IsOptional() @IsString() @MaxLength(64)
  q?: string;
}

@ApiTags('users 用户')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user with a role (a regional administrator: inside their region only)' })
  @ApiCreatedResponse({ type: UserResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return UserResponse.of(await this.users.createAs(principal, body));
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List users in the administrator’s region, optionally by role' })
  @ApiPageResponse(UserResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: UserListQuery): Promise<PageResponse<UserResponse>> {
    const [users, total] = await this.users.list(principal, query, { role: query.role, q: query.q?.trim() || undefined });
    return PageResponse.of(users.map((user) => UserResponse.of(user)), total, query);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, move to another region, disable or re-enable an account, or lift its sign-in lock' })
  @ApiOkResponse({ type: UserResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateUserRequest): Promise<UserResponse> {
    return UserResponse.of(await this.users.update(principal, id, body));
  }
}
