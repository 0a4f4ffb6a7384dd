import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Taxonomy } from '@app/taxonomy';
import { GEOCODER, Geocoder } from './geocoder';
import { LocationBackfillService } from './location-backfill.service';
import { LocationResolver } from './location-resolver';
import { createOfflineGeocoder, OfflineGeocoder } from './offline/offline-geocoder';
import { AmapGeocoder, FallbackGeocoder } from './online/amap-geocoder';

/** The configured geocoder: offline by default; with GEOCODER=amap, 高德 with the offline gazetteer behind it. */
export function createConfiguredGeocoder(config: AppConfig, offline: OfflineGeocoder = createOfflineGeocoder()): Geocoder {
  if (config.GEOCODER !== 'amap' || !config.AMAP_KEY) return offline;
  const logger = new Logger('Geocoding');
  const amap = new AmapGeocoder(
    { url: config.AMAP_GEOCODE_URL, key: config.AMAP_KEY, timeoutMs: config.GEOCODE_TIMEOUT_MS, cacheSize: config.GEOCODE_CACHE_SIZE },
    offline,
  );
  return new FallbackGeocoder(amap, offline, (error) => logger.warn(`${error.message}; answered offline`));
}

/** Provides `GEOCODER` (the port), the offline gazetteer, `LocationResolver` and the backfill to every module. */
@Global()
@Module({
  providers: [
    { provide: OfflineGeocoder, useFactory: () => createOfflineGeocoder() },
    { provide: GEOCODER, inject: [AppConfig, OfflineGeocoder], useFactory: createConfiguredGeocoder },
    {
      provide: LocationResolver,
      inject: [GEOCODER, OfflineGeocoder],
      useFactory: (geocoder: Geocoder, offline: OfflineGeocoder) => new LocationResolver(geocoder, offline, Taxonomy.shared()),
    },
    LocationBackfillService,
  ],
  exports: [GEOCODER, OfflineGeocoder, LocationResolver, LocationBackfillService],
})
export class GeocodingModule {}
