import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Principal } from '@app/auth';
import { shanghaiIso } from '@app/clock';
import {
  ATTENDEE_SOURCES, ATTENDEE_STATUSES, AttendeeView, EVENT_STATUSES, EVENT_TYPES, EventReport, InvitationAnswer, InvitationsSent, OUTCOME_STAGES, STATION_TYPES, CheckInResult, EVENT_STATUS_ZH, EVENT_TYPE_ZH, EventAttendee, EventView, InvitationListItem, OutcomeView, PlanningReason, RegistrationResult,
  Station,
} from '@app/events';
import { maskName } from '@app/identifiers';

export class StationResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STATION_TYPES, enumName: 'StationType' }) type: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() address: string;
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
  @ApiPropertyOptional({ enum: ['point', 'township', 'district', 'city'], nullable: true, type: String, description: 'point: coordinates given; else geocoded from the address' })
  locationPrecision: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty() booths: number;
  @ApiProperty() openingHours: string;
  @ApiProperty({ type: String, nullable: true }) park: string | null;
  @ApiProperty({ type: [Number], description: 'Days it can hold events, 0 = Sunday … 6 = Saturday' }) openWeekdays: number[];
  @ApiProperty({ type: String, nullable: true, description: 'Closed from this day' }) closedFrom: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Closed to this day, inclusive; open-ended when null' }) closedUntil: string | null;

  static of(s: Station): StationResponse {
    return Object.assign(new StationResponse(), {
      id: s.id, name: s.name, type: s.type, regionCode: s.regionCode, address: s.address, lat: s.lat, lng: s.lng,
      locationPrecision: s.locationPrecision, capacity: s.capacity, booths: s.booths, openingHours: s.openingHours, park: s.park,
      openWeekdays: s.openWeekdays, closedFrom: s.closedFrom, closedUntil: s.closedUntil,
    });
  }
}

export class EventStationResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STATION_TYPES, enumName: 'StationType' }) type: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() address: string;
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
}

export class PlanningReasonResponse implements PlanningReason {
  @ApiProperty({ type: String, description: 'a planning reason code' }) code: PlanningReason['code'];
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class EventEmployerResponse {
  @ApiProperty() employerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) booth: string | null;
  @ApiProperty({ type: [String] }) shortageIds: string[];
  @ApiProperty({ enum: ['pending', 'invited', 'accepted', 'declined'] }) invitationStatus: string;
}

export class EventJobResponse {
  @ApiProperty() shortageId: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty({ description: 'Positions still open' }) openHeadcount: number;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty({ enum: ['monthly', 'hourly', 'piece'], description: 'monthly 月薪, hourly 时薪, piece 计件' }) payBasis: string;
}

export class EventResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'EventType' }) type: string;
  @ApiProperty() typeName: string;
  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus' }) status: string;
  @ApiProperty() statusName: string;
  @ApiProperty({ enum: ['planned', 'manual'] }) origin: string;
  @ApiProperty({ description: 'Asia/Shanghai' }) date: string;
  @ApiProperty({ example: '2026-12-10T09:00:00+08:00' }) startsAt: string;
  @ApiProperty({ example: '2026-12-10T12:00:00+08:00' }) endsAt: string;
  @ApiProperty({ type: () => EventStationResponse }) station: EventStationResponse;
  @ApiProperty({ type: String, nullable: true }) occupationFamily: string | null;
  @ApiProperty({ type: [String], description: 'Every occupation family of the event: several for a 综合招聘会' }) occupationFamilies: string[];
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Places taken (registered and attended)' }) registered: number;
  @ApiProperty() placesLeft: number;
  @ApiProperty() headcountAddressed: number;
  @ApiProperty() expectedAttendance: number;
  @ApiProperty({ type: () => [PlanningReasonResponse], description: 'Staff only (empty for others): why the planner proposed it, in Chinese and English' })
  reasons: PlanningReason[];
  @ApiProperty({ description: 'The public description seekers and employers read (generated for a proposal, edited by the staff)' }) description: string;
  @ApiProperty({ type: [EventJobResponse], description: 'The open jobs on offer, by employer' }) jobs: EventJobResponse[];
  @ApiProperty({ type: String, nullable: true }) streamUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) sourceRunId: string | null;
  @ApiProperty({ type: [EventEmployerResponse] }) employers: EventEmployerResponse[];
  @ApiPropertyOptional({ description: 'Staff only: planned and sent invitations' }) invitees?: number;
  @ApiPropertyOptional({ description: 'Staff only: planned invitations not yet sent (the seekers\' messages that sending invitations sends)' }) unsentInvitations?: number;
  @ApiPropertyOptional({ enum: ATTENDEE_STATUSES, enumName: 'AttendeeStatus', nullable: true, description: 'Seekers only: their own place on the event (null: none)' }) myStatus?: string | null;

  static of(view: EventView, principal: Principal): EventResponse {
    const { event } = view;
    const staff = principal.role === 'admin' || principal.role === 'station_staff' || principal.role === 'officer';
    return Object.assign(new EventResponse(), {
      id: event.id,
      title: event.title,
      type: event.type,
      typeName: EVENT_TYPE_ZH[event.type],
      status: event.status,
      statusName: EVENT_STATUS_ZH[event.status],
      origin: event.origin,
      date: event.date,
      startsAt: shanghaiIso(event.startsAt),
      endsAt: shanghaiIso(event.endsAt),
      station: view.station,
      occupationFamily: event.occupationFamily,
      occupationFamilies: [...event.occupationFamilies],
      capacity: event.capacity,
      registered: view.seatsTaken,
      placesLeft: Math.max(event.capacity - view.seatsTaken, 0),
      headcountAddressed: event.headcountAddressed,
      expectedAttendance: event.expectedAttendance,
      reasons: staff ? event.reasons : [],
      description: event.description,
      jobs: view.jobs.map((j) => ({ ...j })),
      streamUrl: event.streamUrl,
      rejectionReason: staff ? event.rejectionReason : null,
      sourceRunId: staff ? event.sourceRunId : null,
      employers: view.employers.map((e) => ({ ...e, shortageIds: [...e.shortageIds] })),
      ...(staff ? { invitees: view.invitees, unsentInvitations: view.unsentInvitations } : {}),
      ...(view.myStatus !== undefined ? { myStatus: view.myStatus } : {}),
    });
  }
}

export class AttendeeResponse {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() seekerId: string;
  @ApiProperty({ description: 'Full name for staff; masked for others' }) name: string;
  @ApiProperty({ enum: ATTENDEE_STATUSES, enumName: 'AttendeeStatus' }) status: string;
  @ApiProperty({ enum: ATTENDEE_SOURCES, enumName: 'AttendeeSource' }) source: string;
  @ApiProperty({ type: String, nullable: true }) registeredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) checkedInAt: string | null;
  @ApiPropertyOptional({ description: 'Staff only, and only with the seeker’s consent' }) priorityGroup?: boolean;

  static of(attendee: EventAttendee, name: string, principal: Principal): AttendeeResponse {
    const staff = principal.role === 'admin' || principal.role === 'station_staff' || principal.role === 'officer';
    return Object.assign(new AttendeeResponse(), {
      id: attendee.id,
      eventId: attendee.eventId,
      seekerId: attendee.seekerId,
      name: staff || principal.seekerId === attendee.seekerId ? name : maskName(name),
      status: attendee.status,
      source: attendee.source,
      registeredAt: attendee.registeredAt ? shanghaiIso(attendee.registeredAt) : null,
      checkedInAt: attendee.checkedInAt ? shanghaiIso(attendee.checkedInAt) : null,
      ...(staff ? { priorityGroup: attendee.priorityGroup } : {}),
    });
  }

  static ofView(view: AttendeeView, principal: Principal): AttendeeResponse {
    return AttendeeResponse.of(view.attendee, view.seekerName, principal);
  }
}

export class RegistrationResponse extends AttendeeResponse {
  @ApiProperty({ type: String, nullable: true, description: 'The entry ticket: a signed token with no personal data; show it as a QR code (GET …/registrations/mine/ticket.png)' })
  ticket: string | null;

  static from(result: RegistrationResult, name: string, principal: Principal): RegistrationResponse {
    return Object.assign(new RegistrationResponse(), AttendeeResponse.of(result.attendee, name, principal), { ticket: result.ticket });
  }
}

export class CheckInResponse extends AttendeeResponse {
  @ApiProperty() walkIn: boolean;

  static from(result: CheckInResult, principal: Principal): CheckInResponse {
    return Object.assign(new CheckInResponse(), AttendeeResponse.of(result.attendee, result.seekerName, principal), { walkIn: result.walkIn });
  }
}

export class InvitationResponse {
  @ApiProperty({ enum: ['seeker', 'employer'] }) kind: string;
  @ApiProperty({ description: 'Attendee id (seekers) or employer id' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true }) invitedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) respondedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) shortageId: string | null;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) priorityGroup: boolean | null;

  static of(item: InvitationListItem): InvitationResponse {
    const iso = (d: Date | null) => (d ? shanghaiIso(new Date(d)) : null);
    return Object.assign(new InvitationResponse(), { ...item, invitedAt: iso(item.invitedAt), expiresAt: iso(item.expiresAt), respondedAt: iso(item.respondedAt) });
  }
}

export class OutcomeHistoryResponse {
  @ApiProperty({ enum: OUTCOME_STAGES, enumName: 'OutcomeStage' }) stage: string;
  @ApiProperty({ example: '2026-12-10T09:00:00+08:00' }) at: string;
  @ApiProperty() role: string;
  @ApiPropertyOptional() note?: string;
}

export class OutcomeResponse {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() seekerId: string;
  @ApiProperty() seekerName: string;
  @ApiProperty() shortageId: string;
  @ApiProperty() shortageTitle: string;
  @ApiProperty({ enum: OUTCOME_STAGES, enumName: 'OutcomeStage' }) stage: string;
  @ApiProperty({ type: String, nullable: true }) applicationId: string | null;
  @ApiProperty({ type: () => [OutcomeHistoryResponse] }) history: OutcomeHistoryResponse[];

  static of(view: OutcomeView): OutcomeResponse {
    const o = view.outcome;
    return Object.assign(new OutcomeResponse(), {
      id: o.id, eventId: o.eventId, employerId: o.employerId, employerName: view.employerName, seekerId: o.seekerId, seekerName: view.seekerName,
      shortageId: o.shortageId, shortageTitle: view.shortageTitle, stage: o.stage, applicationId: o.applicationId,
      history: o.history.map((h) => ({ stage: h.stage, at: shanghaiIso(new Date(h.at)), role: h.role, ...(h.note ? { note: h.note } : {}) })),
    });
  }
}

export class InvitationList {
  @ApiProperty({ type: [InvitationResponse] }) items: InvitationResponse[];
}

export class InvitationsSentResponse implements InvitationsSent {
  @ApiProperty() seekersInvited: number;
  @ApiProperty() employersInvited: number;
}

export class InvitationAnswerResponse implements InvitationAnswer {
  @ApiProperty({ enum: ['seeker', 'employer'] }) kind: 'seeker' | 'employer';
  @ApiProperty() eventId: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true, description: 'a seeker who accepted: the entry ticket' }) ticket: string | null;
}

export class EventPlanResponse {
  @ApiProperty({ type: String, nullable: true }) runId: string | null;
  @ApiProperty() queued: boolean;
}

export class StationStaffMemberResponse {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class StationStaffList {
  @ApiProperty({ type: [StationStaffMemberResponse] }) items: StationStaffMemberResponse[];
}

export class StageCountsResponse {
  @ApiProperty() talked: number;
  @ApiProperty() intentions: number;
  @ApiProperty() interviews: number;
  @ApiProperty() offers: number;
  @ApiProperty() hires: number;
}

export class EventAttendanceResponse {
  @ApiProperty() capacity: number;
  @ApiProperty() invited: number;
  @ApiProperty() registered: number;
  @ApiProperty() attended: number;
  @ApiProperty() noShow: number;
  @ApiProperty() excused: number;
  @ApiProperty() declined: number;
  @ApiProperty() walkIns: number;
}

export class EmployerStageCountsResponse extends StageCountsResponse {
  @ApiProperty() employerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) booth: string | null;
}

export class OccupationStageCountsResponse extends StageCountsResponse {
  @ApiProperty() occupationCode: string;
  @ApiProperty() name: string;
}

export class PriorityGroupStageCountsResponse extends StageCountsResponse {
  @ApiProperty() group: string;
  @ApiProperty() name: string;
  @ApiProperty() attended: number;
}

export class EventReportResponse implements EventReport {
  @ApiProperty() eventId: string;
  @ApiProperty() title: string;
  @ApiProperty() station: string;
  @ApiProperty() date: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus' }) status: string;
  @ApiProperty({ type: EventAttendanceResponse }) attendance: EventAttendanceResponse;
  @ApiProperty({ type: StageCountsResponse }) outcomes: StageCountsResponse;
  @ApiProperty({ type: [EmployerStageCountsResponse] }) byEmployer: EmployerStageCountsResponse[];
  @ApiProperty({ type: [OccupationStageCountsResponse] }) byOccupation: OccupationStageCountsResponse[];
  @ApiProperty({ type: [PriorityGroupStageCountsResponse] }) byPriorityGroup: PriorityGroupStageCountsResponse[];
}

export class RejectEventsResponse {
  @ApiProperty({ type: [EventResponse] }) items: EventResponse[];
}

export class MergeEventsResponse {
  @ApiProperty({ type: EventResponse, description: 'The merged event, accepted' }) merged: EventResponse;
  @ApiProperty({ type: [EventResponse], description: 'The proposals merged into it, rejected with a reason naming it' }) rejected: EventResponse[];
}
