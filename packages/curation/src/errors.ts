/** A correction that cannot be made as asked (unknown id, a merge of a node with itself…): nothing was changed. */
export class CurationError extends Error {
  constructor(
    message: string,
    /** 1-based line of the correction file it came from, when it came from one. */
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${message}` : message);
  }
}
