export * from './ad-lines';
export { CORPUS, postingOf, type CorpusEntry } from './corpus/corpus';
