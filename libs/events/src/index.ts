export * from './events.module';
export * from './station-staff.entity';
export * from './station.entity';
export * from './planning';
