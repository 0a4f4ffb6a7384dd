export * from './index-reconciler.service';
export * from './index-sync.service';
export * from './indexing.module';
export * from './search-documents';
