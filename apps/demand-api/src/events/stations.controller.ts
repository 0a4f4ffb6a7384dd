import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { StationsService } from '@app/events';
import { ApiErrorResponses, ApiPageResponse, PageResponse, ParseIdPipe } from '@app/http';
import { CreateStationRequest, StationListQuery, StationStaffRequest, UpdateStationRequest } from './events.request.dto';
import { StationResponse, StationStaffList } from './events.response.dto';

@ApiTags('events 招聘活动')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('stations')
export class StationsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @Roles('admin', 'officer', 'station_staff')
  @ApiOperation({ summary: 'Stations (就业驿站, 零工市场, 人力资源市场): admins and officers in their region; staff their own' })
  @ApiPageResponse(StationResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: StationListQuery): Promise<PageResponse<StationResponse>> {
    const [items, total] = await this.stations.list(principal, query);
    return PageResponse.of(items.map(StationResponse.of), total, query);
  }

  @Get(':id')
  @Roles('admin', 'officer', 'station_staff')
  @ApiOperation({ summary: 'One station' })
  @ApiOkResponse({ type: StationResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<StationResponse> {
    return StationResponse.of(await this.stations.get(principal, id));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a station' })
  @ApiCreatedResponse({ type: StationResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateStationRequest): Promise<StationResponse> {
    return StationResponse.of(await this.stations.create(principal, body));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a station' })
  @ApiOkResponse({ type: StationResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateStationRequest): Promise<StationResponse> {
    return StationResponse.of(await this.stations.update(principal, id, body));
  }

  @Get(':id/staff')
  @Roles('admin')
  @ApiOperation({ summary: 'The station’s staff accounts' })
  @ApiOkResponse({ type: StationStaffList })
  async staff(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string) {
    await this.stations.get(principal, id);
    return { items: await this.stations.staff(id) };
  }

  @Post(':id/staff')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a station_staff account to the station (an account may serve several stations)' })
  @ApiNoContentResponse()
  async addStaff(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: StationStaffRequest): Promise<void> {
    await this.stations.addStaff(principal, id, body.userId);
  }

  @Delete(':id/staff/:userId')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a staff account from the station' })
  @ApiNoContentResponse()
  async removeStaff(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Param('userId', ParseIdPipe) userId: string): Promise<void> {
    await this.stations.removeStaff(principal, id, userId);
  }
}
