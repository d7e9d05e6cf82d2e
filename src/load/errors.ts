/** A fact or source file that cannot be loaded, located precisely enough to fix it. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    readonly record: string | undefined,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super([file, record, field].filter(Boolean).join(': ') + `: ${reason}`);
    this.name = 'LoadError';
  }
}
