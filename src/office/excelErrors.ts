/**
 * Excel's errors (OfficeExtension.Error: a `code` such as `ItemAlreadyExists` and a technical
 * message) turned into a sentence a contract manager can act on, naming what was being done.
 */

/** The parts of an OfficeExtension.Error we rely on. */
interface ExcelError {
  code: string;
  message: string;
}

/** Whether a thrown value came from Excel (it carries Excel's error code). */
export function isExcelError(error: unknown): error is ExcelError {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" && typeof (error as { message?: unknown }).message === "string";
}

/** Whether Excel on the web refused a trip for its size. */
export function isPayloadTooLarge(error: unknown): boolean {
  return isExcelError(error) && (error.code === "RequestPayloadSizeLimitExceeded" || error.code === "ResponsePayloadSizeLimitExceeded");
}

function reasonFor(error: ExcelError): string {
  const detail = error.message.trim().replace(/\.$/, "");
  switch (error.code) {
    case "ItemAlreadyExists":
      return "something in the workbook already has that name. Choose another name, or rename the existing one";
    case "ItemNotFound":
      return `part of the workbook it needs is no longer there (${detail}). Check the sheet and table names`;
    case "InvalidArgument":
      return `Excel did not accept it (${detail}). Names must start with a letter and hold no spaces; sheet names at most 31 characters without : \\ / ? * [ ]`;
    case "AccessDenied":
      return "the workbook or sheet is protected or read-only. Unprotect it (Review › Unprotect) and try again";
    case "InvalidOperationInCellEditMode":
      return "a cell is being edited. Press Enter or Esc in the sheet, then try again";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "the request was larger than Excel on the web accepts (5 MB). Try again; if it keeps happening, shorten very long cells";
    case "InsertDeleteConflict":
    case "Conflict":
    case "MergedRangeConflict":
      return `it would move cells of another table, a merged cell or a protected range (${detail}). Make room beside the table and try again`;
    case "InvalidOperation":
    case "UnsupportedOperation":
      return `Excel refused the operation (${detail})`;
    default:
      return detail === "" ? `Excel reported ${error.code}` : detail;
  }
}

/**
 * An Error to show the user: Excel's errors are explained after `doing` (e.g. `Could not add the
 * table "Risks" on sheet "Risks"`); our own plain errors pass through unchanged.
 * @example explainExcelError({code: "AccessDenied", message: "…"}, 'Could not add "Risks"').message → 'Could not add "Risks": the workbook or sheet is protected…'
 */
export function explainExcelError(error: unknown, doing: string): Error {
  if (isExcelError(error)) return new Error(`${doing}: ${reasonFor(error)}.`);
  if (error instanceof Error) return error;
  return new Error(`${doing}: ${String(error)}`);
}
