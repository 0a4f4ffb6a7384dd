export * from './title-normalizer';
