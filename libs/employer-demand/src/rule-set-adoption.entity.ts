import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each posting-screen rule-set version the platform has run with, and when it was first adopted: a version the table
 * has not seen yet sends the open postings through the screen again (PostingRescreenService).
 */
@Entity('screen_rule_set_adoption')
export class RuleSetAdoption {
  @PrimaryColumn({ type: 'text' })
  version: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  adoptedAt: Date;
}
