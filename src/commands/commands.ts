import { hostWorkbook } from "../office/hostWorkbook";
import { RibbonHost, registerRibbon } from "./ribbon";

// The ribbon's entry: loaded by taskpane.html (the shared runtime) before the React UI, so the
// Contracts tab's buttons and Ctrl+Alt+Shift+E work as soon as the add-in starts.

const TAB = "ContractsTab";
// Which group each button is in (manifest.xml), for Office.ribbon.requestUpdate.
const GROUP_OF: Record<string, string> = {
  SetUpTrackerButton: "TrackerGroup",
  RefreshButton: "TrackerGroup",
  EscalationSummaryButton: "EscalateGroup",
  EscalateSelectedButton: "EscalateGroup",
  ExpiringSoonButton: "EscalateGroup",
  RecordChangeButton: "EscalateGroup",
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

// Outside Excel (the browser preview) there is no ribbon to wire.
if (typeof Office !== "undefined") {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) registerRibbon(host, hostWorkbook);
  });
}

