/** A bad-input problem the CLI reports in one line with exit code 1. */
export class InputError extends Error {}
