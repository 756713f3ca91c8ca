import { postNotice } from "../features/notices";
import { CALENDAR_EXPORT, PaneRequest, requestPaneView } from "../features/paneRequests";
import type { WorkbookPort } from "../workbook/port";

// Each action's feature is its own chunk, fetched at its first click: the handlers are associated as
// soon as Office is ready, and the page that hosts them (the pane too) starts without the features' code.

/** What a ribbon button's function receives from Office: it must call `completed` once, always. */
export interface ActionEvent {
  completed(): void;
}

/** The parts of Office the ribbon needs, so the handlers can be tested without Excel. */
export interface RibbonHost {
  /** Office.actions.associate */
  associate(id: string, handler: (event: ActionEvent) => Promise<void>): void;
  /** Opens the task pane, where notices are shown. */
  showPane(): Promise<void>;
  /** Enables or disables buttons of the Contracts tab (RibbonApi 1.1); does nothing where unsupported. */
  setEnabled(controls: readonly string[], enabled: boolean): Promise<void>;
}

export interface RibbonAction {
  /** The FunctionName in manifest.xml and the id given to Office.actions.associate. */
  id: string;
  /** The Control id in manifest.xml. */
  control: string;
  /** The notice's title. */
  title: string;
  /** Does the work; resolves with the sentence that says what it did. */
  run(port: WorkbookPort): Promise<string>;
  /** Buttons disabled while it runs (its own, and any that would clash with it). */
  busy: readonly string[];
}

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export const RIBBON_ACTIONS: readonly RibbonAction[] = [
  {
    id: "setUpTracker",
    control: "SetUpTrackerButton",
    title: "Set up tracker",
    busy: ["SetUpTrackerButton"],
    async run(port) {
      const { setUpTracker } = await import("../features/setUpTracker");
      const r = await setUpTracker(port, { createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] });
      if (r.unchanged) return `The tracker on sheet "${r.sheet}" is already set up: nothing changed.`;
      const parts = [`${count(r.rows, "contract")} on sheet "${r.sheet}" are now the ${r.table} table`];
      if (r.addedColumns.length) parts.push(`computed columns added: ${r.addedColumns.join(", ")}`);
      if (r.createdTables.length) parts.push(`tables created: ${r.createdTables.join(", ")}`);
      if (r.issues.length) parts.push(`${count(r.issues.length, "data-quality problem")} found (open the tracker pane to see them)`);
      return `${parts.join("; ")}.`;
    },
  },
  {
    id: "escalationSummary",
    control: "EscalationSummaryButton",
    title: "Escalation summary",
    busy: ["EscalationSummaryButton", "EscalateSelectedButton"],
    async run(port) {
      const { runEscalationSummary } = await import("../features/escalations");
      const r = await runEscalationSummary(port);
      const need = r.summary.contracts.length === 0 ? "No contract needs escalating" : `${count(r.summary.contracts.length, "contract needs", "contracts need")} attention`;
      const logged = r.logged.length ? `${count(r.logged.length, "new entry", "new entries")} in the Escalations log` : "no new entries in the Escalations log";
      return `${need}: see sheet "${r.sheet}"${r.replaced ? " (today's earlier summary replaced)" : ""}; ${logged}.`;
    },
  },
  {
    id: "escalateSelected",
    control: "EscalateSelectedButton",
    title: "Escalate selected",
    busy: ["EscalationSummaryButton", "EscalateSelectedButton"],
    async run(port) {
      const { escalateSelected } = await import("../features/escalations");
      const r = await escalateSelected(port);
      const logged = r.logged.map((l) => `${l.contract} at level ${l.level} (${l.id})`);
      const parts = [];
      if (logged.length) parts.push(`Logged ${logged.join(", ")}`);
      if (r.alreadyLogged.length) parts.push(`already logged today: ${r.alreadyLogged.join(", ")}`);
      return `${parts.join("; ")}.`;
    },
  },
  {
    id: "expiringSoon",
    control: "ExpiringSoonButton",
    title: "Expiring soon",
    busy: ["ExpiringSoonButton"],
    async run(port) {
      const { expiringSoon } = await import("../features/escalations");
      const r = await expiringSoon(port);
      return `The ${r.table} table now shows contracts ending in the next ${r.windowDays} days. Clear the filter on Days to expiry to see them all.`;
    },
  },
  {
    id: "refresh",
    control: "RefreshButton",
    title: "Refresh",
    busy: ["RefreshButton"],
    async run(port) {
      const { refreshTracker } = await import("../features/refresh");
      const r = await refreshTracker(port);
      return `Recalculated; formats put back on ${r.formatted.length ? r.formatted.join(", ") : "no column"}.`;
    },
  },
  {
    id: "recordChange",
    control: "RecordChangeButton",
    title: "Record change",
    busy: ["RecordChangeButton"],
    async run(port) {
      const { recordChange } = await import("../features/recordChange");
      const r = await recordChange(port);
      return `Change ${r.changeId} added for ${r.contract} on the Changes sheet: type its description in the selected cell.`;
    },
  },
  {
    id: "procurementActDuties",
    control: "ActDutiesButton",
    title: "Procurement Act duties",
    busy: ["ActDutiesButton"],
    async run(port) {
      const { dutiesNotice, readTrackerDuties } = await import("../features/procurementDuties");
      const r = await readTrackerDuties(port);
      return dutiesNotice(r.duties, r.switchedOff);
    },
  },
];

/**
 * A button whose work is done in the task pane: it opens the pane at a view, with the focus on the
 * control that does it. An Office command can neither save a file nor show a form of its own.
 */
export interface PaneOpening {
  /** The FunctionName in manifest.xml and the id given to Office.actions.associate. */
  id: string;
  /** The Control id in manifest.xml. */
  control: string;
  /** The notice's title, should the pane fail to open. */
  title: string;
  /** Where the pane opens. */
  opens: PaneRequest;
}

export const PANE_OPENINGS: readonly PaneOpening[] = [
  {
    id: "addDatesToCalendar",
    control: "CalendarButton",
    title: "Calendar",
    opens: CALENDAR_EXPORT,
  },
];

const messageOf = (error: unknown): string => (error instanceof Error && error.message ? error.message : String(error));

/**
 * Associates every ribbon action and pane opening; `makePort` gives the workbook a click works on
 * (the Excel adapter, loaded at the first click). Each action says what happened as a notice; a
 * failure opens the pane so the user sees it. `completed` is always called, and a second click
 * while an action runs does nothing but say so. A pane opening asks the pane for its view and shows
 * the pane; it touches no workbook, so it needs no adapter and no notice of success.
 */
export function registerRibbon(
  host: RibbonHost,
  makePort: () => WorkbookPort | Promise<WorkbookPort>,
  actions: readonly RibbonAction[] = RIBBON_ACTIONS,
  openings: readonly PaneOpening[] = PANE_OPENINGS,
): void {
  const running = new Set<string>();
  for (const action of actions) {
    host.associate(action.id, async (event) => {
      if (running.has(action.id)) {
        postNotice("info", action.title, "Still working on the previous click: wait for it to finish.");
        event.completed();
        return;
      }
      running.add(action.id);
      try {
        await host.setEnabled(action.busy, false).catch(() => undefined);
        const message = await action.run(await makePort());
        postNotice("success", action.title, message);
      } catch (error) {
        postNotice("error", action.title, messageOf(error));
        await host.showPane().catch(() => undefined);
      } finally {
        running.delete(action.id);
        await host.setEnabled(action.busy, true).catch(() => undefined);
        event.completed();
      }
    });
  }
  for (const opening of openings) {
    host.associate(opening.id, async (event) => {
      try {
        requestPaneView(opening.opens);
        await host.showPane();
      } catch (error) {
        postNotice("error", opening.title, `The task pane did not open: ${messageOf(error)}. Open it with Open tracker on the Contracts tab.`);
      } finally {
        event.completed();
      }
    });
  }
}
