/** A document the engine will not index (it carries an ID number or a phone number). Nothing is written. */
export class SearchDocumentRejectedError extends Error {
  constructor(
    readonly documentId: string,
    readonly fields: string[],
  ) {
    super(`search document ${documentId} was refused: ${fields.join(', ')} contains an ID number or a phone number (never index these)`);
    this.name = 'SearchDocumentRejectedError';
  }
}

/** A query the engine cannot run as asked (distance sort without a point, limit out of range …). */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }
}
