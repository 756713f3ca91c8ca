import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  SearchBox,
  Spinner,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { ErrorBar } from "./ErrorBar";
import { FunctionEntry, filterCatalogue, parseCatalogue, syntaxOf } from "./functionCatalogue";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  syntax: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type State = { status: "loading" } | { status: "ready"; entries: FunctionEntry[] } | { status: "failed"; message: string };

export interface FunctionGuideProps {
  loadCatalogue: () => Promise<unknown>;
}

/** The CONTRACT functions with their syntax and parameters, searchable, from the same metadata Excel uses. */
export function FunctionGuide({ loadCatalogue }: FunctionGuideProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ status: "loading" });
  const [query, setQuery] = React.useState("");

  React.useEffect(() => {
    let live = true;
    loadCatalogue()
      .then((json) => live && setState({ status: "ready", entries: parseCatalogue(json) }))
      .catch((error: unknown) => live && setState({ status: "failed", message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [loadCatalogue]);

  const shown = state.status === "ready" ? filterCatalogue(state.entries, query) : [];
  return (
    <section className={styles.page} aria-labelledby="guide-title">
      <Title3 as="h2" id="guide-title" className={styles.heading}>Contract functions</Title3>
      <Body1>Type these in any cell. Give a range instead of a single cell and the answers spill down the column.</Body1>
      <SearchBox placeholder="Search functions" aria-label="Search functions" value={query} onChange={(_, data) => setQuery(data.value)} />
      {state.status === "loading" && <Spinner size="small" label="Loading the function list…" />}
      {state.status === "failed" && (
        <ErrorBar
          title="Could not load the function list"
          error={state.message}
          todo="Close and reopen the pane; if it happens again, check the add-in’s web address can be reached."
        />
      )}
      {state.status === "ready" && shown.length === 0 && <Body1>No function matches “{query}”.</Body1>}
      <ul className={styles.list} aria-label="Functions">
        {shown.map((entry) => (
          <li key={entry.name}>
            <Card>
              <CardHeader header={<Text weight="semibold">{entry.name}</Text>} description={<Caption1>{entry.description}</Caption1>} />
              <code className={styles.syntax}>{syntaxOf(entry)}</code>
              <ul className={styles.params} aria-label={`Parameters of ${entry.name}`}>
                {entry.parameters.map((p) => (
                  <li key={p.name}>
                    <Caption1>
                      <Text weight="semibold" size={200}>{p.name}</Text>
                      {p.optional ? " (optional)" : ""}: {p.description}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
