import type { LocationPrecision } from '@app/geocoding';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * Most staff a size class allows, after the industrial bounds of 统计上大中小微型企业划分办法（2017）
 * (micro < 20, small < 300, medium < 1,000); a large employer has no upper bound.
 */
export const SIZE_CLASS_STAFF_MAX: Record<SizeClass, number | undefined> = { micro: 19, small: 299, medium: 999, large: undefined };
export const OWNERSHIPS = ['private', 'soe', 'public_institution', 'individual_business', 'social_organisation'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/** 用人单位: an enterprise or other employer, identified by its 统一社会信用代码. */
@Entity('employer')
@Index('employer_region_idx', ['regionCode'])
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Index('employer_credit_code_key', { unique: true })
  @Column({ type: 'char', length: 18 })
  creditCode: string;

  /** GB/T 4754-2017 code. */
  @Column({ type: 'text' })
  industryCode: string;

  @Column({ type: 'text' })
  sizeClass: SizeClass;

  @Column({ type: 'text' })
  ownership: Ownership;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  /** How precisely lat/lng are known: `point` when given, else geocoded from the address (see LocationPrecision). */
  @Column({ type: 'text', nullable: true })
  locationPrecision: LocationPrecision | null;

  /** Key park the employer sits in (洋浦, 江东新区, ...), if any. */
  @Column({ type: 'text', nullable: true })
  park: string | null;

  @Column({ type: 'text', nullable: true })
  contactName: string | null;

  /** Encrypted at rest (FieldCipher). */
  @Column({ type: 'text', nullable: true })
  contactPhoneEncrypted: string | null;

  /** On the abnormal-entity list (异常名录): may not post shortages. */
  @Column({ type: 'boolean', default: false })
  abnormal: boolean;

  /** The employer asked for an SMS to its contact phone on each new application (besides the in-app notice). */
  @Column({ type: 'boolean', default: false })
  smsOnApplication: boolean;

  /** Postings of this employer the screen has blocked; enough of them put it on the abnormal-entity list. */
  @Column({ type: 'int', default: 0 })
  blockedPostings: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
