import * as React from "react";
import type { PaneData } from "../../features/paneData";
import { followSelection } from "../../features/selectionFollowing";
import type { WorkbookPort } from "../../workbook/port";

/**
 * The contract the card shows: the row selected in the Contracts table, followed while the tab is
 * shown (and looked up each time it is shown again, so a contract pressed on the dashboard opens),
 * or the one the user picked since. A selection off the table leaves the card where it is.
 */
export function useFollowedContract(active: boolean, port: WorkbookPort, pane: PaneData | null): {
  chosen: number | null;
  choose: (bodyIndex: number) => void;
  followError: unknown;
  /** The selection has been looked at since the tab was shown: the card is the one the user will see (focus may go to it). */
  settled: boolean;
} {
  const [chosen, setChosen] = React.useState<number | null>(null);
  const [settled, setSettled] = React.useState(false);
  const [followError, setFollowError] = React.useState<unknown>(null);
  // Bumped by every choice, so a look at the selection that started earlier does not undo a later pick.
  const choices = React.useRef(0);
  const looked = React.useRef(false);
  const choose = React.useCallback((bodyIndex: number) => {
    choices.current++;
    setChosen(bodyIndex);
  }, []);
  const table = pane?.contractsTable ?? null;

  // Where the selection is now, once each time the tab is shown.
  React.useEffect(() => {
    if (!active) {
      looked.current = false;
      setSettled(false);
      return;
    }
    if (!table || looked.current) return;
    looked.current = true;
    const asked = choices.current;
    port.selectedTableRows(table.name).then(
      (rows) => {
        if (rows.length > 0 && choices.current === asked) choose(rows[0]);
        setSettled(true);
      },
      (error: unknown) => {
        setFollowError(error);
        setSettled(true);
      },
    );
  }, [active, port, table, choose]);

  // Every move while shown; again with the table as read anew, since rows may have been added.
  React.useEffect(() => {
    if (!active || !table) return;
    let stop: (() => Promise<void>) | null = null;
    let stopped = false;
    followSelection(port, table, (index) => {
      if (index !== null && !stopped) choose(index);
    }).then(
      (s) => {
        setFollowError(null);
        if (stopped) void s();
        else stop = s;
      },
      (error: unknown) => !stopped && setFollowError(error),
    );
    return () => {
      stopped = true;
      void stop?.();
    };
  }, [active, port, table, choose]);

  return { chosen, choose, followError, settled };
}
