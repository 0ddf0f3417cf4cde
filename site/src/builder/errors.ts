/** A release whose checks failed: the release is not complete and must not go live. */
export class ReleaseCheckError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Release check failed: ${problems.join('; ')}`);
    this.name = 'ReleaseCheckError';
    this.problems = problems;
  }
}
