export * from './location-precision';
export * from './geocoder';
export * from './coordinates';
export { normalizeAddress } from './offline/address-text';
export { buildGazetteer, findGeocodingDataDir } from './offline/gazetteer';
export { OfflineGeocoder, createOfflineGeocoder } from './offline/offline-geocoder';
