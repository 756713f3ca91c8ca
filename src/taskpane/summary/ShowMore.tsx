import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatCount } from "../format";

const useStyles = makeStyles({
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * "Show 12 more at level 3": the rest of a list the view cut, shown on request. `what` ends the
 * button's text so each list's button says which list it opens; `worth` says what the rest hold.
 */
export function ShowMore({ hidden, what, worth, locale, onShow }: { hidden: number; what: string; worth?: string; locale: string; onShow: () => void }): React.JSX.Element | null {
  const styles = useStyles();
  if (hidden <= 0) return null;
  return (
    <div className={styles.more}>
      <Button size="small" onClick={onShow}>{`Show ${formatCount(hidden, locale)} more ${what}`}</Button>
      {worth ? <Caption1 className={styles.muted}>{`worth ${worth}`}</Caption1> : null}
    </div>
  );
}
