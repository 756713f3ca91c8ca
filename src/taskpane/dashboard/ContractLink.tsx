import { Link, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  link: { textAlign: "start", overflowWrap: "anywhere" },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
});

/** A contract in a dashboard list: pressing it selects its row in the sheet and opens its card. Its text is cell text, shown as text. */
export function ContractLink({ id, title, onOpen, disabled }: { id: string; title?: string; onOpen: () => void; disabled?: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Link as="button" className={styles.link} onClick={onOpen} disabled={disabled} inline={false}>
      <span className={styles.id}>{id}</span>
      {title ? ` ${title}` : ""}
    </Link>
  );
}
