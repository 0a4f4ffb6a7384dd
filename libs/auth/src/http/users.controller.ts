import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery, PageResponse } from '@app/http';
import { Roles } from '../access.decorators';
import { ROLES, Role } from '../role';
import { UsersService } from '../users.service';
import { CreateUserRequest, UserResponse } from './user.dto';

class UserListQuery extends PageQuery {
  @IsOptional() @IsIn(ROLES)
  role?: Role;
}

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user with a role' })
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Body() body: CreateUserRequest): Promise<UserResponse> {
    return UserResponse.of(await this.users.create(body));
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List users, optionally by role' })
  async list(@Query() query: UserListQuery): Promise<PageResponse<UserResponse>> {
    const [users, total] = await this.users.list(query, query.role);
    return PageResponse.of(users.map((user) => UserResponse.of(user)), total, query);
  }
}
