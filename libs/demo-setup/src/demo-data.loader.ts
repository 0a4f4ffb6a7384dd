import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword, TERMS_VERSION, User } from '@app/auth';
import { addMonthsToMonth, Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { FieldCipher } from '@app/crypto';
import { OutboxService } from '@app/database';
import { WarningFirmReport, WarningRateFigure } from '@app/early-warning';
import { Employer, Pairing, Shortage } from '@app/employer-demand';
import { Station, StationStaff } from '@app/events';
import { Seeker } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { generateDataset } from '@app/demo-data';
import type * as Generated from '@app/demo-data';
import { chooseDemoAccounts } from './demo-accounts';
import { DemoState } from './demo-state.entity';
import { demoShortageRow } from './demo-shortage-row';
import { demoWarningHistory } from './demo-warning-history';

const CHUNK = 500;

export interface DemoLoadReport {
  loaded: boolean;
  counts: Record<string, number>;
}

/**
 * Writes the demo data set (demo tier, DEMO_SEED) and the five demo accounts into an empty database, in one
 * transaction, with every date drawn relative to the day it loads (the Clock's today): deadlines weeks to months
 * ahead, start dates and availability around today, publication over the six weeks before. The demo_state row
 * written in the same transaction marks the database as demo data for the refresh and for the scheduled jobs,
 * which wait for it. A database that already holds employers is left alone.
 */
@Injectable()
export class DemoDataLoader {
  private readonly logger = new Logger(DemoDataLoader.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly taxonomy: Taxonomy,
    private readonly clock: Clock,
  ) {}

  async loadIfEmpty(): Promise<DemoLoadReport> {
    if (await this.dataSource.getRepository(Employer).exists()) return { loaded: false, counts: {} };
    const started = Date.now();
    const counts = await this.dataSource.transaction((manager) => this.load(manager));
    this.logger.log(`demo data loaded in ${Date.now() - started} ms (dates relative to ${this.clock.today()}): ${JSON.stringify(counts)}`);
    return { loaded: true, counts };
  }

  private async load(manager: EntityManager): Promise<Record<string, number>> {
    const loadedAt = this.clock.now();
    const dataset = generateDataset({ seed: this.config.DEMO_SEED, tier: 'demo', referenceDate: this.clock.today() });
    const stations = [...dataset.stations()];
    const employers = [...dataset.employers()];
    const officers = [...dataset.officers()];
    const pairings = [...dataset.pairings()];
    const seekers = [...dataset.seekers()];
    const shortages = [...dataset.shortages()];
    const accounts = chooseDemoAccounts({ stations, employers, officers, pairings, seekers, shortages });

    const stationIds = await insertAll(manager, Station, stations, (s) => ({
      name: s.name, type: s.type, regionCode: s.regionCode, address: s.address, lat: s.lat, lng: s.lng, locationPrecision: 'point' as const,
      capacity: s.capacity, booths: s.booths, openingHours: s.openingHours, park: s.park,
    }));
    const employerIds = await insertAll(manager, Employer, employers, (e) => ({
      name: e.name, creditCode: e.creditCode, industryCode: e.industryCode, sizeClass: e.sizeClass, ownership: e.ownership,
      regionCode: e.regionCode, address: e.address, lat: e.lat, lng: e.lng, locationPrecision: e.lat !== null ? ('point' as const) : null, park: e.park, contactName: e.contactName,
      contactPhoneEncrypted: this.cipher.encrypt(e.contactPhone),
    }));
    const seekerIds = await insertAll(manager, Seeker, seekers, (s) => this.seekerRow(s));

    // Generated officers cannot sign in (random password) except the one that becomes demo-officer.
    const demoPasswordHash = await hashPassword(this.config.DEMO_PASSWORD);
    const lockedHash = await hashPassword(this.cipher.blindIndex(`${Date.now()}-${Math.random()}`));
    const officerIds = await insertAll(manager, User, officers, (o) => ({
      username: o.key === accounts.officer.key ? 'demo-officer' : o.username,
      passwordHash: o.key === accounts.officer.key ? demoPasswordHash : lockedHash,
      role: 'officer' as const,
      displayName: o.displayName,
      regionCode: o.regionCode,
      isDemo: true,
    }));
    await insertAll(manager, Pairing, pairings, (p) => ({
      officerId: officerIds.get(p.officerKey)!,
      employerId: employerIds.get(p.employerKey)!,
    }));
    await insertAll(manager, Shortage, shortages, (s, i) => ({
      ...demoShortageRow(s, employerIds.get(s.employerKey)!, this.taxonomy),
      // Most demo shortages are published; every tenth is still a draft, so the lifecycle is visible.
      status: i % 10 === 9 ? ('draft' as const) : ('open' as const),
      // Published over the six weeks before loading, so period filters, ages and response deadlines show something.
      publishedAt: i % 10 === 9 ? null : new Date(loadedAt.getTime() - ((i * 7) % 42) * 86_400_000 - ((i * 13) % 600) * 60_000),
    }));
    await manager.getRepository(DemoState).insert({
      id: 1, seed: this.config.DEMO_SEED, loadedAt, loadedOn: dataset.referenceDate, refreshedOn: dataset.referenceDate, toppedUp: 0,
    });

    const users = manager.getRepository(User);
    // The demo's seeker and employer have agreed to the current privacy policy and terms (asked again when they change).
    const demoConsent = { termsVersion: TERMS_VERSION, termsAcceptedAt: loadedAt };
    await users.insert([
      { username: 'demo-admin', passwordHash: demoPasswordHash, role: 'admin', displayName: '演示管理员（省级）', isDemo: true },
      { username: 'demo-employer', passwordHash: demoPasswordHash, role: 'employer', displayName: `${accounts.employer.name}人事`,
        employerId: employerIds.get(accounts.employer.key)!, isDemo: true, ...demoConsent },
      { username: 'demo-seeker', passwordHash: demoPasswordHash, role: 'seeker', displayName: accounts.seeker.name,
        seekerId: seekerIds.get(accounts.seeker.key)!, isDemo: true, ...demoConsent },
    ]);
    const stationUser = await users.save({
      username: 'demo-station', passwordHash: demoPasswordHash, role: 'station_staff' as const,
      displayName: `${accounts.station.name}工作人员`, regionCode: accounts.station.regionCode, isDemo: true,
    });
    // demo-station serves its own station and the other stations of its city (staff may belong to several), so the
    // event proposals the planner makes for 海口 reach a person who can accept them.
    const city = accounts.station.regionCode.slice(0, 4);
    const served = stations.filter((s) => s.key === accounts.station.key || s.regionCode.startsWith(city));
    await manager.getRepository(StationStaff).insert(served.map((s) => ({ stationId: stationIds.get(s.key)!, userId: stationUser.id })));

    // Early warning: the demo employer's district holds a two-year monitored-firm and rate history that ends at level
    // III; its outbox row has the matcher evaluate it, so the alert is raised (and its people told) the real way.
    const warningRegion = accounts.employer.regionCode;
    const monitored = employers
      .filter((e) => e.regionCode === warningRegion)
      .slice(0, 12)
      .map((e) => ({ id: employerIds.get(e.key)!, regionCode: e.regionCode, industryCode: e.industryCode }));
    const history = demoWarningHistory(monitored, addMonthsToMonth(dataset.referenceDate.slice(0, 7), -1), this.config.DEMO_SEED);
    await manager.getRepository(WarningFirmReport).insert(history.firmMonths.map((f) => ({ ...f, filedVia: 'officer' as const, filedBy: null })));
    await manager.getRepository(WarningRateFigure).insert(history.rates.map((r) => ({ regionCode: warningRegion, ...r })));
    await OutboxService.writeMany(manager, 'warning.signals_changed', [warningRegion]);

    return {
      stations: stations.length, employers: employers.length, officers: officers.length, pairings: pairings.length,
      seekers: seekers.length, shortages: shortages.length, demoAccounts: 5, warningFirmReports: history.firmMonths.length,
    };
  }

  private seekerRow(s: Generated.Seeker): Partial<Seeker> {
    return {
      name: s.name,
      residentIdEncrypted: this.cipher.encrypt(s.residentId),
      residentIdHash: this.cipher.blindIndex(s.residentId),
      phoneEncrypted: this.cipher.encrypt(s.phone),
      phoneHash: this.cipher.blindIndex(s.phone),
      gender: s.gender, birthDate: s.birthDate, regionCode: s.regionCode, address: s.address, lat: s.lat, lng: s.lng,
      locationPrecision: s.lat !== null && s.lng !== null ? ('point' as const) : null,
      travelRadiusKm: s.travelRadiusKm, desiredOccupations: s.desiredOccupations, skills: s.skills, certificates: s.certificates,
      skillLevel: s.skillLevel, education: s.education, experience: s.experience, wageExpectation: s.wageExpectation,
      availableFrom: s.availableFrom, workTypes: s.workTypes, languages: s.languages,
      priorityGroups: s.priorityGroups.map((claim) => ({ ...claim, verifiedBy: null })),
      consentSensitiveMatching: s.consentToSensitiveMatching,
    };
  }
}

/** Inserts rows in chunks and returns generated key → database id. */
async function insertAll<Source extends { key?: string }, Row extends object>(
  manager: EntityManager,
  entity: new () => Row,
  items: Source[],
  toRow: (item: Source, index: number) => Partial<Row>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const result = await manager.getRepository(entity).insert(chunk.map((item, i) => toRow(item, start + i) as never));
    chunk.forEach((item, i) => {
      if (item.key) ids.set(item.key, String(result.identifiers[i].id));
    });
  }
  return ids;
}
