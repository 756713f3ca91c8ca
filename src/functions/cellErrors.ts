// Error values that arrive in input cells, as a result cell can show them. Excel hands a custom
// function every error an input cell holds (functions.json sets allowErrorForDataTypeAny), but takes
// back only some as its result: #REF! and #NAME? it accepts as input errors, not as output errors
// (Microsoft's "Handle and return errors from your custom function").

// Why a cell shows the errors Excel will not take back, in the words a contract manager needs.
const NOT_SHOWN: Readonly<Record<string, string>> = {
  "#REF!": "refers to a cell or sheet that was deleted",
  "#NAME?": "uses a name or function Excel does not know",
};

/**
 * An input cell's error as this function's result cell shows it: the error itself (#N/A, #DIV/0!,
 * #NUM!, #NULL!, #VALUE!), or #VALUE! naming #REF! and #NAME?, which Excel cannot show as a custom
 * function's result.
 * @example shownError(new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable)) → the same #N/A
 * @example shownError(new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference)).message → "An input cell is #REF!: it refers to a cell or sheet that was deleted"
 */
export function shownError(error: CustomFunctions.Error): CustomFunctions.Error {
  const why = NOT_SHOWN[error.code];
  if (why === undefined) return error;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `An input cell is ${error.code}: it ${why}`);
}
