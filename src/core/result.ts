/**
 * A value or a plain-English reason it could not be produced. Core never throws for bad input;
 * the faces turn `error` into `#VALUE!`, a MessageBar or an exit code.
 * @example const r: Result<number> = { ok: false, error: "End date is blank" };
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wraps a value as a success. @example ok(45) → { ok: true, value: 45 } */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a reason as a failure. @example fail("Notice period '3 fortnights' is not a period") */
export function fail<T = never>(error: string): Result<T> {
  return { ok: false, error };
}
