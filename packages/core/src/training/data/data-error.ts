/**
 * A problem with the user's data (missing folder, unreadable or corrupt file, wrong image size).
 * The CLI prints its message as one paragraph, without a stack trace.
 */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}
