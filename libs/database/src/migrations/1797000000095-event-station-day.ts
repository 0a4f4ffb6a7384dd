import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One scheduled event per station per day, kept by the database: two simultaneous creates (or accepts) of events
 * on one station's day both passed the service's check before either committed. Proposals (several per day, one
 * per occupation family) are not covered; a proposal must be accepted to occupy the day.
 */
export class EventStationDay1797000000095 implements MigrationInterface {
  name = 'EventStationDay1797000000095';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "recruitment_event_station_day_key" ON "recruitment_event" ("station_id", "date") WHERE status IN ('accepted', 'published')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."recruitment_event_station_day_key"`);
  }
}
