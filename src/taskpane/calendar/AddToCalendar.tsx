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
  note: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The status line under the button, which also describes it (what it saved, or why it cannot). */
const STATUS_ID = "summary-calendar-status";
/** The note under it on what the calendar could not hold (contracts whose tier is not recognised). */
const NOTE_ID = "summary-calendar-note";

/**
 * "Add dates to my calendar": the tracker's decide-by, notice, performance assessment (where it has
 * a KPIs table), termination notice, end and final expiry dates to come, and those overdue still to act on, saved as an iCalendar file
 * (features/calendarExport) that Outlook, Google and Apple Calendar open; opening a newer file
 * updates the events it already added. Where there is no date it says so and saves nothing; where
 * running contracts have no decide-by date because their tier is not recognised, a note says how
 * many and names the first few. Where the pane cannot save a file (Excel for Mac and iPad)
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
  const [note, setNote] = React.useState("");
  const [error, setError] = React.useState<unknown>(null);
  const canSave = paneCanSaveFiles(platform);
  // A line about another reading of the tracker would mislead: it goes when the data changes.
  React.useEffect(() => {
    setStatus("");
    setNote("");
  }, [data]);

  const save = async (): Promise<void> => {
    setError(null);
    try {
      // The calendar writer is loaded when first asked for, not with the pane.
      const { calendarFileName, noDatesMessage, trackerCalendar } = await import("../../features/calendarExport");
      const { ics, dates, tierNote } = trackerCalendar(data, { now: now(), hasKpisTable });
      setNote(tierNote);
      if (ics === null || dates.length === 0) {
        setStatus(noDatesMessage(formatDate(data.asOf, locale), null));
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
      {canSave && note !== "" && (
        <Caption1 id={NOTE_ID} role="note" className={styles.note}>
          {note}
        </Caption1>
      )}
      {error !== null && <ErrorBar title="Could not save the calendar" error={error} todo="Read the tracker again, then press Add dates to my calendar again." />}
    </div>
  );
}
