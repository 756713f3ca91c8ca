import { ExcelWorkbook } from "./excelWorkbook";
import { DEFAULT_TRIP_BUDGET } from "./requestBudget";

/**
 * What one trip may carry in Excel on Windows and Mac, which have no request limit of their own:
 * a 100,000-row, 30-column tracker (about 30 MB of JSON) is read in one trip.
 */
export const DESKTOP_TRIP_BUDGET = 128_000_000;

/** Is this Excel on the web, with its 5 MB limit on each request and response? */
export function isExcelOnTheWeb(): boolean {
  return typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType?.OfficeOnline;
}

/** The workbook port for the Excel the add-in runs in: trips sized to what that Excel accepts. */
export function hostWorkbook(): ExcelWorkbook {
  return new ExcelWorkbook(undefined, { tripBudget: isExcelOnTheWeb() ? DEFAULT_TRIP_BUDGET : DESKTOP_TRIP_BUDGET });
}
