/** A definition that cannot be expressed in a format; the message says why, for the merchant. */
export class FormatExportError extends Error {
  constructor(
    readonly format: string,
    message: string,
  ) {
    super(`${format}: ${message}`);
    this.name = "FormatExportError";
  }
}
