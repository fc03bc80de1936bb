/** A SARIF log that cannot be read, with a message that names the file and what is wrong. */
export class SarifError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SarifError';
  }
}
