import { postNotice } from "../features/notices";
import type { WorkbookPort } from "../workbook/port";
import { RibbonHost, registerRibbon } from "./ribbon";

// The shared runtime's start: loaded by taskpane.html after the cell functions and before the
// React UI, so the Contracts tab's buttons and Ctrl+Alt+Shift+E work as soon as the add-in starts,
// and the cell functions learn the workbook's Settings (its date order) without the pane open.

const TAB = "ContractsTab";
// Which group each button is in (manifest.xml), for Office.ribbon.requestUpdate.
const GROUP_OF: Record<string, string> = {
  SetUpTrackerButton: "TrackerGroup",
  RefreshButton: "TrackerGroup",
  EscalationSummaryButton: "EscalateGroup",
  EscalateSelectedButton: "EscalateGroup",
  ExpiringSoonButton: "EscalateGroup",
  RecordChangeButton: "EscalateGroup",
  ActDutiesButton: "EscalateGroup",
  CalendarButton: "EscalateGroup",
};

const host: RibbonHost = {
  associate: (id, handler) => Office.actions.associate(id, handler),
  showPane: () => Office.addin.showAsTaskpane(),
  async setEnabled(controls, enabled) {
    if (!Office.context.requirements.isSetSupported("RibbonApi", "1.1")) return;
    const groups = new Map<string, { id: string; enabled: boolean }[]>();
    for (const id of controls) groups.set(GROUP_OF[id], [...(groups.get(GROUP_OF[id]) ?? []), { id, enabled }]);
    await Office.ribbon.requestUpdate({ tabs: [{ id: TAB, groups: [...groups].map(([id, list]) => ({ id, controls: list })) }] });
  },
};

// The Excel adapter is a chunk of its own, fetched once Office says this is Excel: the preview never loads it.
const excelWorkbook = async (): Promise<WorkbookPort> => (await import("../office/hostWorkbook")).hostWorkbook();

// Outside Excel (the browser preview) there is no ribbon to wire.
if (typeof Office !== "undefined") {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    registerRibbon(host, excelWorkbook);
    // One notice: where Excel refuses, following Settings and reading it fail together, for one reason.
    let told = false;
    const tell = (error: unknown): void => {
      if (told) return;
      told = true;
      const why = error instanceof Error ? error.message : String(error);
      postNotice("error", "Settings", `${why}. Until Settings can be read, cell functions read a date such as 1/2/2026 day first.`);
    };
    void Promise.all([import("../features/settingsFollowing"), excelWorkbook()]).then(([{ followWorkbookSettings }, port]) => followWorkbookSettings(port, tell), tell);
  });
}

