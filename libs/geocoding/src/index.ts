export * from './location-precision';
