import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { CalendarAddRegular } from "@fluentui/react-icons";
import * as React from "react";
import { formatSerial } from "../../core/dates";
import { CALENDAR_EXPORT } from "../../features/paneRequests";
import type { TrackerData } from "../../features/trackerData";
import { ErrorBar } from "../ErrorBar";
import { formatDate, plural } from "../format";
import { paneCanSaveFiles, saveTextFile } from "./download";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
  status: { color: tokens.colorNeutralForeground2, ":empty": { display: "none" } },
});

/** The status line under the button, which also describes it (what it saved, or why it cannot). */
const STATUS_ID = "summary-calendar-status";

/**
 * "Add dates to my calendar": the tracker's decide-by, notice, performance assessment (where it has
 * a KPIs table), end and final expiry dates to come saved as an iCalendar file
 * (features/calendarExport) that Outlook, Google and Apple Calendar open; opening a newer file
 * updates the events it already added. Where the pane cannot save a file (Excel for Mac and iPad)
 * it says how else to get one. The button's id is where the ribbon's Calendar button lands
 * (features/paneRequests CALENDAR_EXPORT); it keeps the focus even where it cannot save, so the
 * reason is read out.
 */
export function AddToCalendar({
  data,
  hasKpisTable,
  locale,
  platform,
  now = () => new Date(),
}: {
  data: TrackerData;
  hasKpisTable: boolean;
  locale: string;
  platform?: string;
  now?: () => Date;
}): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState("");
  const [error, setError] = React.useState<unknown>(null);
  const canSave = paneCanSaveFiles(platform);
  // A line about another reading of the tracker would mislead: it goes when the data changes.
  React.useEffect(() => setStatus(""), [data]);

  const save = async (): Promise<void> => {
    setError(null);
    try {
      // The calendar writer is loaded when first asked for, not with the pane.
      const { calendarFileName, trackerCalendar } = await import("../../features/calendarExport");
      const { ics, dates } = trackerCalendar(data, { now: now(), hasKpisTable });
      const from = formatDate(data.asOf, locale);
      if (dates.length === 0) {
        setStatus(`No decide-by, notice, assessment, end or final expiry date from ${from} on: there is nothing to add to a calendar.`);
        return;
      }
      const name = calendarFileName(formatSerial(data.asOf, "iso"));
      saveTextFile(name, ics, "text/calendar");
      const contracts = new Set(dates.map((d) => d.row)).size;
      setStatus(
        `Saved ${name}: ${plural(dates.length, "date", locale)} of ${plural(contracts, "contract", locale)}, ${formatDate(dates[0].date, locale)} to ${formatDate(dates[dates.length - 1].date, locale)}, ` +
          "each with a reminder. Open it to add them to your calendar; opening a newer one updates them.",
      );
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className={styles.block}>
      <Button id={CALENDAR_EXPORT.section} icon={<CalendarAddRegular />} onClick={() => void save()} disabledFocusable={!canSave} aria-describedby={STATUS_ID}>
        Add dates to my calendar
      </Button>
      <Caption1 id={STATUS_ID} role="status" aria-live="polite" className={styles.status}>
        {canSave ? status : "Excel for Mac and iPad do not let an add-in save a file: on another computer, or with contract-tracker calendar, save the dates as an .ics file."}
      </Caption1>
      {error !== null && <ErrorBar title="Could not save the calendar" error={error} todo="Read the tracker again, then press Add dates to my calendar again." />}
    </div>
  );
}
