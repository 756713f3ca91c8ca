import type { WorkbookPort } from "../../workbook/port";

/** The stages of set-up as the user sees them, in the order set-up goes through them. */
export const SET_UP_STEPS = [
  "Reading the register",
  "Turning the register into the Contracts table",
  "Creating the Settings and other tables",
  "Adding the computed columns",
  "Adding colours and drop-downs",
  "Saving the mapping",
] as const;

export type SetUpStep = (typeof SET_UP_STEPS)[number];

/** Where set-up is: the step, its position (0-based) and, for reads, rows done of total. */
export interface SetUpProgress {
  step: SetUpStep;
  index: number;
  rows?: { done: number; total: number };
}

// Which port call starts which step.
const STEP_OF: Partial<Record<keyof WorkbookPort, SetUpStep>> = {
  readUsedRange: "Reading the register",
  readTables: "Reading the register",
  convertToTable: "Turning the register into the Contracts table",
  addTables: "Creating the Settings and other tables",
  appendComputedColumns: "Adding the computed columns",
  addRagFormat: "Adding colours and drop-downs",
  addDropDown: "Adding colours and drop-downs",
  saveSetting: "Saving the mapping",
};

/**
 * The port with each call reported as the step of set-up it starts, so the progress bar can say
 * what is happening. Every call passes through unchanged (a Proxy, so port operations added later
 * pass through too).
 */
export function watchSetUpSteps(port: WorkbookPort, report: (progress: SetUpProgress) => void): WorkbookPort {
  let reached = -1;
  const enter = (step: SetUpStep): void => {
    const index = SET_UP_STEPS.indexOf(step);
    // Steps only move forward: a late read (e.g. of the table names) does not take the bar back.
    if (index < reached) return;
    reached = index;
    report({ step, index });
  };
  return new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const step = typeof property === "string" ? STEP_OF[property as keyof WorkbookPort] : undefined;
      if (typeof value !== "function") return value;
      if (!step) return value.bind(target);
      return (...args: unknown[]) => {
        enter(step);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
