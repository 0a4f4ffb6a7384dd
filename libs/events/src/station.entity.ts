import type { LocationPrecision } from '@app/geocoding';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const STATION_TYPES = ['employment_station', 'gig_market', 'hr_market'] as const;
export type StationType = (typeof STATION_TYPES)[number];

/** 就业驿站, 零工市场 or 人力资源市场: where recruitment events are held. */
@Entity('station')
@Index('station_region_idx', ['regionCode'])
export class Station {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: StationType;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  /** How precisely lat/lng are known: `point` when given, else geocoded from the address (see LocationPrecision). */
  @Column({ type: 'text', nullable: true })
  locationPrecision: LocationPrecision | null;

  /** People at once. */
  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int' })
  booths: number;

  @Column({ type: 'text', default: '' })
  openingHours: string;

  /** Days it can hold events, 0 = Sunday … 6 = Saturday. */
  @Column({ type: 'int', array: true, default: () => `'{0,1,2,3,4,5,6}'` })
  openWeekdays: number[];

  /** Closed (no events) from this day (Asia/Shanghai) … */
  @Column({ type: 'date', nullable: true })
  closedFrom: string | null;

  /** … to this day, inclusive; open-ended when absent. */
  @Column({ type: 'date', nullable: true })
  closedUntil: string | null;

  /** Key park the station serves, if any. */
  @Column({ type: 'text', nullable: true })
  park: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Whether the station can hold an event on the day: an open weekday outside its closure. */
export function stationOpenOn(station: Pick<Station, 'openWeekdays' | 'closedFrom' | 'closedUntil'>, date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (!station.openWeekdays.includes(weekday)) return false;
  return !(station.closedFrom && date >= station.closedFrom && (!station.closedUntil || date <= station.closedUntil));
}
