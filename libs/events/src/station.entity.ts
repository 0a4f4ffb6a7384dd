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

  /** Key park the station serves, if any. */
  @Column({ type: 'text', nullable: true })
  park: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
