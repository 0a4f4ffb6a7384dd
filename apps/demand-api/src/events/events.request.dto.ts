import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength,
  ValidateNested,
} from 'class-validator';
import { ATTENDEE_STATUSES, AttendeeStatus, EVENT_SORTS, EVENT_STATUSES, EventSort, EVENT_TYPES, EventStatus, EventType, OUTCOME_STAGES, OutcomeStage, STATION_TYPES, StationType } from '@app/events';
import { IsNotBelow, PageQuery } from '@app/http';
import { IsRegionCode } from '@app/taxonomy';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = (args: { property: string }) => `${args.property}：时间格式应为 HH:mm（北京时间），例如 09:30`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (args: { property: string }) => `${args.property}：日期格式应为 YYYY-MM-DD`;

export class StationListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '460100' }) @IsOptional() @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ enum: STATION_TYPES }) @IsOptional() @IsIn(STATION_TYPES)
  type?: StationType;

  @ApiPropertyOptional({ description: 'Part of the name or address' }) @IsOptional() @IsString() @MaxLength(50)
  q?: string;
}

export class CreateStationRequest {
  @ApiProperty({ example: '龙华区金贸街道就业驿站' }) @IsString() @MinLength(2) @MaxLength(100)
  name: string;

  @ApiProperty({ enum: STATION_TYPES }) @IsIn(STATION_TYPES)
  type: StationType;

  @ApiProperty({ example: '460106' }) @IsRegionCode()
  regionCode: string;

  @ApiProperty({ example: '海口市龙华区金贸西路 8 号' }) @IsString() @MinLength(2) @MaxLength(200)
  address: string;

  @ApiPropertyOptional({ example: 20.02, description: 'WGS-84; without lat/lng the station is placed from its address and region' }) @IsOptional() @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 110.32 }) @IsOptional() @IsLongitude()
  lng?: number;

  @ApiProperty({ description: 'People at once', minimum: 1, maximum: 100000 }) @IsInt() @Min(1) @Max(100000)
  capacity: number;

  @ApiProperty({ minimum: 0, maximum: 1000 }) @IsInt() @Min(0) @Max(1000)
  booths: number;

  @ApiPropertyOptional({ example: '周一至周五 8:30-17:30' }) @IsOptional() @IsString() @MaxLength(200)
  openingHours?: string;

  @ApiPropertyOptional({ example: '江东新区' }) @IsOptional() @IsString() @MaxLength(50)
  park?: string;
}

export class UpdateStationRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: STATION_TYPES }) @IsOptional() @IsIn(STATION_TYPES)
  type?: StationType;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200)
  address?: string;

  @ApiPropertyOptional() @IsOptional() @IsLatitude()
  lat?: number;

  @ApiPropertyOptional() @IsOptional() @IsLongitude()
  lng?: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100000)
  capacity?: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1000)
  booths?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  openingHours?: string;

  @ApiPropertyOptional({ type: [Number], description: 'Days it can hold events, 0 = Sunday … 6 = Saturday', example: [1, 2, 3, 4, 5] })
  @IsOptional() @IsArray() @ArrayMaxSize(7) @IsInt({ each: true }) @Min(0, { each: true }) @Max(6, { each: true })
  openWeekdays?: number[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-20', description: 'Closed from this day (Asia/Shanghai); null reopens' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) @IsISO8601({ strict: true })
  closedFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-31', description: 'Closed to this day, inclusive; open-ended when null' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) @IsISO8601({ strict: true })
  closedUntil?: string | null;
}

export class StationStaffRequest {
  @ApiProperty({ description: 'A station_staff account' }) @IsUUID()
  userId: string;
}

export class EventListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Station id' }) @IsOptional() @IsUUID()
  station?: string;

  @ApiPropertyOptional({ enum: EVENT_STATUSES }) @IsOptional() @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Earliest date (Asia/Shanghai)' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE, { message: DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE, { message: DATE_MESSAGE }) @IsNotBelow('from')
  to?: string;

  @ApiPropertyOptional({ example: '4-10-01', description: 'Occupation family (minor group): events offering it' })
  @IsOptional() @Matches(/^\d-\d{2}-\d{2}$/, { message: (args: { property: string }) => `${args.property}：职业小类编码格式应为 X-XX-XX，例如 4-10-01` })
  family?: string;

  @ApiPropertyOptional({ enum: EVENT_SORTS, enumName: 'EventSort', description: 'date: soonest first (default); expectedAttendance: most expected first' })
  @IsOptional() @IsIn(EVENT_SORTS)
  sort?: EventSort;
}

export class RejectEventsRequest {
  @ApiProperty({ type: [String], description: 'Proposals to reject', minItems: 1, maxItems: 100 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true })
  ids: string[];

  @ApiProperty({ example: '本周场地已另有安排' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class MergeEventsRequest {
  @ApiProperty({ type: [String], description: 'Proposals of one week to merge (at least two, counting `into`)', minItems: 1, maxItems: 20 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true })
  ids: string[];

  @ApiPropertyOptional({ description: 'The proposal that stays (its station, day and times); by default the venue proposal expecting the most people' })
  @IsOptional() @IsUUID()
  into?: string;
}

export class EventEmployerRequest {
  @ApiProperty() @IsUUID()
  employerId: string;

  @ApiPropertyOptional({ example: 'A3' }) @IsOptional() @IsString() @MaxLength(20)
  booth?: string;

  @ApiPropertyOptional({ type: [String], description: 'Shortages the employer recruits for at the event' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  shortageIds?: string[];
}

export class CreateEventRequest {
  @ApiProperty() @IsUUID()
  stationId: string;

  @ApiProperty({ example: '养老护理员专场招聘会' }) @IsString() @MinLength(2) @MaxLength(100)
  title: string;

  @ApiProperty({ enum: EVENT_TYPES, description: 'on_site 现场, live_stream 直播带岗, hybrid 现场+直播' }) @IsIn(EVENT_TYPES)
  type: EventType;

  @ApiProperty({ example: '2026-12-20', description: 'Asia/Shanghai' }) @IsISO8601({ strict: true }) @Matches(DATE, { message: DATE_MESSAGE })
  date: string;

  @ApiProperty({ example: '09:00', description: 'Asia/Shanghai' }) @Matches(TIME, { message: TIME_MESSAGE })
  startTime: string;

  @ApiProperty({ example: '12:00', description: 'Asia/Shanghai' }) @Matches(TIME, { message: TIME_MESSAGE })
  endTime: string;

  @ApiPropertyOptional({ description: 'Places; the station’s capacity when absent' }) @IsOptional() @IsInt() @Min(1) @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ example: '4-10-01' }) @IsOptional() @IsString() @Matches(/^\d-\d{2}-\d{2}$/, { message: (a) => `${a.property}：职业小类代码格式应为 4-10-01` })
  occupationFamily?: string;

  @ApiPropertyOptional({ description: 'The public description seekers and employers read' }) @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ example: 'https://live.example.gov.cn/room/1' }) @IsOptional() @Matches(/^https:\/\//, { message: (a) => `${a.property}：直播地址必须以 https:// 开头` }) @MaxLength(500)
  streamUrl?: string;

  @ApiPropertyOptional({ type: [EventEmployerRequest] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => EventEmployerRequest)
  employers?: EventEmployerRequest[];
}

export class UpdateEventRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(100)
  title?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES }) @IsOptional() @IsIn(EVENT_TYPES)
  type?: EventType;

  @ApiPropertyOptional({ example: '2026-12-21' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE, { message: DATE_MESSAGE })
  date?: string;

  @ApiPropertyOptional({ example: '14:00' }) @IsOptional() @Matches(TIME, { message: TIME_MESSAGE })
  startTime?: string;

  @ApiPropertyOptional({ example: '17:00' }) @IsOptional() @Matches(TIME, { message: TIME_MESSAGE })
  endTime?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ description: 'The public description seekers and employers read' }) @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^https:\/\//, { message: (a) => `${a.property}：直播地址必须以 https:// 开头` }) @MaxLength(500)
  streamUrl?: string;

  @ApiPropertyOptional({ type: [EventEmployerRequest], description: 'Replaces the employers (booths and shortages)' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => EventEmployerRequest)
  employers?: EventEmployerRequest[];

  @ApiPropertyOptional({ type: [String], description: 'Seekers to add as invitees (sent with the next POST …/invitations)' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  addInvitees?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Invitees to remove (only those who have not answered)' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  removeInvitees?: string[];
}

export class EventReasonRequest {
  @ApiProperty({ example: '该日期驿站场地已另有安排' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class OptionalReasonRequest {
  @ApiPropertyOptional({ example: '台风预警，活动取消' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(500)
  reason?: string;
}

export class SendInvitationsRequest {
  @ApiPropertyOptional({ type: [String], description: 'More seekers to invite now, besides the planned invitees' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  seekerIds?: string[];
}

export class AnswerInvitationRequest {
  @ApiProperty({ description: 'The token from the invitation link' }) @IsString() @MinLength(10) @MaxLength(300)
  token: string;

  @ApiProperty({ enum: ['accept', 'decline'] }) @IsIn(['accept', 'decline'])
  answer: 'accept' | 'decline';
}

export class AttendeeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ATTENDEE_STATUSES }) @IsOptional() @IsIn(ATTENDEE_STATUSES)
  status?: AttendeeStatus;

  @ApiPropertyOptional({ description: 'Part of the name (desk lookup)' }) @IsOptional() @IsString() @MaxLength(20)
  q?: string;
}

export class CheckInRequest {
  @ApiPropertyOptional({ description: 'The scanned QR ticket' }) @IsOptional() @IsString() @MaxLength(300)
  ticket?: string;

  @ApiPropertyOptional({ description: 'An attendee picked from the desk list' }) @IsOptional() @IsUUID()
  attendeeId?: string;

  @ApiPropertyOptional({ description: 'Mobile number told at the desk (looked up by its keyed hash; never stored or logged)' })
  @IsOptional() @Matches(/^1\d{10}$/, { message: (a) => `${a.property}：手机号码应为 11 位数字` })
  phone?: string;

  @ApiPropertyOptional({ description: 'A walk-in seeker (register a new one first with POST /api/seekers)' }) @IsOptional() @IsUUID()
  seekerId?: string;
}

export class RecordOutcomeRequest {
  @ApiProperty() @IsUUID()
  seekerId: string;

  @ApiProperty() @IsUUID()
  shortageId: string;

  @ApiProperty({ enum: OUTCOME_STAGES, description: 'talked 洽谈 → intention 意向 → interview 面试 → offer 录用通知 → hire 入职' }) @IsIn(OUTCOME_STAGES)
  stage: OutcomeStage;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}
