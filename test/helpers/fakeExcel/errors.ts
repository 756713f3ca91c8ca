/**
 * Errors as Excel raises them: an OfficeExtension.Error ("RichApi.Error") with a `code`, a
 * message, and debugInfo. Codes used here are Excel's own (Excel.ErrorCodes, plus the payload
 * limit codes of Excel on the web).
 */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export const itemNotFound = (what: string, where?: string): FakeOfficeError => new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${what})`, where);

export const itemAlreadyExists = (what: string, where?: string): FakeOfficeError => new FakeOfficeError("ItemAlreadyExists", `The resource already exists. (${what})`, where);

export const invalidArgument = (what: string, where?: string): FakeOfficeError =>
  new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`, where);

export const invalidOperation = (what: string, where?: string): FakeOfficeError => new FakeOfficeError("InvalidOperation", `The operation is not allowed. (${what})`, where);

/** What Office.js throws when code reads a property it did not load and sync first. */
export const propertyNotLoaded = (property: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** The fake meets an API it does not model: a test bug to fix in the fake, not Excel behaviour. */
export const notModelled = (what: string): Error => new Error(`The fake Excel does not model ${what}`);
