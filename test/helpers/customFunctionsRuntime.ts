// Excel's custom functions runtime as far as our functions touch it: CustomFunctions.Error and its
// codes, with the same shape and values the real runtime has (see @types/custom-functions-runtime).
enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

class CustomFunctionsError {
  constructor(
    public code: ErrorCode,
    public message?: string,
  ) {}
}

const runtime = { Error: CustomFunctionsError, ErrorCode, associate: (): void => undefined };
(globalThis as unknown as { CustomFunctions: typeof runtime }).CustomFunctions = runtime;

export {};
