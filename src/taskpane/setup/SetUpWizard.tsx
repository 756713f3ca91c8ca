import {
  Body1, Button, Caption1, Card, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text, Title3, makeStyles, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { CONTRACTS, TableName } from "../../core/schema";
import type { SetUpReport } from "../../features/setUpTracker";
import { ErrorBar } from "../ErrorBar";
import { formatCount, plural } from "../format";
import { usePane } from "../paneContext";
import { RegisterFound, findRegister } from "./findRegister";
import { LINKED_BY_ID } from "../../features/rowKeyedRegister";
import { Choices, choose, correctionsOf, initialChoices } from "./fieldChoices";
import { MappingList } from "./MappingList";
import { NoContractId } from "./NoContractId";
import { SET_UP_STEPS, SetUpProgress } from "./setUpSteps";
import { SetUpResult } from "./SetUpResult";
import { FormulaChoice, FormulasInPlace } from "./FormulaChoice";
import type { FormulaStyle } from "../../features/trackerFormulas";

/** The tables set-up can add beside Contracts, with what each is for. */
export const OPTIONAL_TABLES: readonly { name: TableName; what: string }[] = [
  { name: "Milestones", what: "baseline and forecast dates; slippage turns contracts amber or red" },
  { name: "KPIs", what: "targets and actuals; attainment below target turns contracts amber or red" },
  { name: "Risks", what: "likelihood, impact, owner and mitigation" },
  { name: "Changes", what: "change control: value impact and approval" },
  { name: "Escalations", what: "the log the escalation summary writes to" },
];

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  sample: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  tables: { display: "flex", flexDirection: "column" },
  sticky: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  checkbox: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

type FindState = { status: "finding" } | { status: "found"; found: RegisterFound } | { status: "failed"; error: unknown };
type RunState =
  | { status: "idle" }
  | { status: "running"; from: "wizard" | "sample"; progress: SetUpProgress | null; rows: { done: number; total: number } | null }
  | { status: "done"; report: SetUpReport }
  | { status: "failed"; error: unknown };

/** Percent through set-up for the progress bar: whole steps done, plus the share of rows read in this one. */
function fractionDone(run: Extract<RunState, { status: "running" }>): number | undefined {
  if (!run.progress) return undefined;
  const within = run.rows && run.rows.total > 0 ? run.rows.done / run.rows.total : 0;
  return Math.min(1, (run.progress.index + within) / SET_UP_STEPS.length);
}

function SetUpProgressBar({ run, locale }: { run: Extract<RunState, { status: "running" }>; locale: string }): React.JSX.Element {
  const rows = run.rows ? ` (${formatCount(run.rows.done, locale)} of ${formatCount(run.rows.total, locale)} rows)` : "";
  return (
    <Field label={run.progress ? `${run.progress.step}${rows}…` : "Starting…"}>
      <ProgressBar value={fractionDone(run)} />
    </Field>
  );
}

/**
 * The set-up wizard: finds the register on the sheet in view (or the tracker's own table), shows
 * each field with the column mapped to it and how sure that is, lets the user change any, creates
 * the tables asked for, and says what it did.
 */
const TRACKER_MAINTAINED: ReadonlySet<string> = new Set(CONTRACTS.fields.filter((f) => f.trackerMaintained).map((f) => f.key));

export function SetUpWizard(): React.JSX.Element {
  const styles = useStyles();
  const { workbook, locale, navigate, trackerChanged } = usePane();
  const [find, setFind] = React.useState<FindState>({ status: "finding" });
  const [choices, setChoices] = React.useState<Choices>({});
  // The user's own word that the register has no contract IDs: never assumed.
  const [noIds, setNoIds] = React.useState(false);
  const [create, setCreate] = React.useState<ReadonlySet<TableName>>(() => new Set(OPTIONAL_TABLES.map((t) => t.name)));
  // The CONTRACT functions unless the user asks for Excel's own.
  const [formulas, setFormulas] = React.useState<FormulaStyle>("contract");
  const [run, setRun] = React.useState<RunState>({ status: "idle" });
  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  const live = React.useRef(true);
  React.useEffect(() => () => void (live.current = false), []);

  const lookAgain = React.useCallback(() => {
    setFind({ status: "finding" });
    setRun({ status: "idle" });
    findRegister(workbook.port).then(
      (found) => {
        if (!live.current) return;
        setChoices(initialChoices(found.mapping));
        setNoIds(found.noContractIds);
        setFind({ status: "found", found });
      },
      (error: unknown) => live.current && setFind({ status: "failed", error }),
    );
  }, [workbook]);
  React.useEffect(() => lookAgain(), [lookAgain]);

  React.useEffect(() => {
    if (run.status === "done") resultHeading.current?.focus();
  }, [run.status]);

  const running = run.status === "running";
  const perform = async (from: "wizard" | "sample", action: (onStep: (p: SetUpProgress) => void, onRows: (done: number, total: number) => void) => Promise<SetUpReport>): Promise<void> => {
    setRun({ status: "running", from, progress: null, rows: null });
    const onStep = (progress: SetUpProgress): void => {
      if (live.current) setRun((r) => (r.status === "running" ? { ...r, progress, rows: null } : r));
    };
    const onRows = (done: number, total: number): void => {
      if (live.current) setRun((r) => (r.status === "running" ? { ...r, rows: { done, total } } : r));
    };
    try {
      const report = await action(onStep, onRows);
      if (!live.current) return;
      setRun({ status: "done", report });
      trackerChanged();
    } catch (error) {
      if (live.current) setRun({ status: "failed", error });
    }
  };

  const hasId = choices.contractId !== undefined && choices.contractId.header !== null;
  const keyedByRow = !hasId && noIds;
  const linkedByIdOff = (name: TableName): boolean => keyedByRow && LINKED_BY_ID.includes(name);
  const setUp = (): Promise<void> =>
    perform("wizard", (onStep, onRows) =>
      workbook.setUp(
        {
          sheet: find.status === "found" && find.found.table === null ? find.found.sheet : undefined,
          register: find.status === "found" ? find.found.register : undefined,
          corrections: correctionsOf(choices),
          noContractIds: keyedByRow,
          // Those that need a Contract ID go too: set-up leaves them out and the result says why.
          createTables: OPTIONAL_TABLES.filter((t) => create.has(t.name)).map((t) => t.name),
          // A tracker set up before keeps its own (set-up reads them from the saved mapping).
          formulas: find.status === "found" && !find.found.alreadySetUp ? formulas : undefined,
          progress: onRows,
        },
        onStep,
      ),
    );
  const sample = workbook.sample;
  const loadSample = sample ? (): Promise<void> => perform("sample", () => sample.load()) : null;

  const found = find.status === "found" ? find.found : null;
  const mapped = Object.values(choices).filter((c) => c.header !== null).length;
  // Fields a register is expected to hold: one the tracker writes itself (Performance rating) counts only when the register has it.
  const expected = Object.entries(choices).filter(([key, c]) => c.header !== null || !TRACKER_MAINTAINED.has(key)).length;
  const used = new Set(Object.values(choices).map((c) => c.header));
  const unused = found ? found.headers.filter((h) => !used.has(h)) : [];

  return (
    <section className={styles.page} aria-labelledby="setup-title">
      <div className={styles.section}>
        <Title3 as="h2" id="setup-title" className={styles.heading}>Set up the tracker</Title3>
        <Body1>
          Your register becomes the Contracts table where it is, computed columns (days to expiry, notice date, RAG, escalation level) are added to its right,
          and nothing you typed is moved or changed.
        </Body1>
      </div>

      {sample && run.status !== "done" && (
        <Card className={styles.sample} appearance="filled-alternative">
          <Text weight="semibold">Try it on the sample register</Text>
          <Body1>
            The sheet “{sample.sheet}” holds the contract register of {sample.name}, a made-up council. Walk through the steps below, or set it all up in one click.
          </Body1>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void loadSample?.()} disabled={running}>Load the sample tracker</Button>
          </div>
          {run.status === "running" && run.from === "sample" && <SetUpProgressBar run={run} locale={locale} />}
        </Card>
      )}

      {run.status === "done" ? (
        <SetUpResult ref={resultHeading} report={run.report} locale={locale} onSeeSummary={() => navigate("summary")} onAgain={lookAgain} />
      ) : (
        <>
          {find.status === "finding" && <Spinner size="small" label="Looking for your register on the sheet in view…" />}
          {find.status === "failed" && (
            <ErrorBar
              title="Could not find a register"
              error={find.error}
              todo="Open the sheet that holds your register (a row of column names, one row a contract below it), fix what the message says, and press Look again."
              retry={{ label: "Look again", onClick: lookAgain }}
            />
          )}
          {found && (
            <>
              <section className={styles.section} aria-labelledby="setup-found">
                <Text as="h3" id="setup-found" weight="semibold" size={400} className={styles.heading}>1. Your register</Text>
                <Body1>
                  {`${plural(found.contracts, "contract", locale)} on the sheet “${found.sheet}”: column names in row ${formatCount(found.headerRow, locale)}, cells ${found.address}.`}
                </Body1>
                {found.alreadySetUp && (
                  <MessageBar intent="info" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Already set up</MessageBarTitle>
                      This is the tracker’s {found.table} table. Change a column or add tables below and set up again; nothing you typed changes.
                    </MessageBarBody>
                  </MessageBar>
                )}
                <div className={styles.row}>
                  <Button size="small" onClick={lookAgain} disabled={running}>Look again</Button>
                  <Caption1 className={styles.muted}>after moving to another sheet</Caption1>
                </div>
              </section>

              <section className={styles.section} aria-labelledby="setup-columns">
                <Text as="h3" id="setup-columns" weight="semibold" size={400} className={styles.heading}>2. Check the columns</Text>
                <Body1>{`${mapped} of ${expected} fields found. Change any that is wrong; choose “Not in this register” for a field you do not keep.`}</Body1>
                {unused.length > 0 && <Caption1 className={styles.muted}>{`Columns not used: ${unused.join(", ")}. They stay in the table as they are.`}</Caption1>}
                <MappingList headers={found.headers} choices={choices} onChoose={(key, header) => setChoices((c) => choose(c, found.headers, key, header))} disabled={running} />
              </section>

              <section className={styles.section} aria-labelledby="setup-formulas">
                <Text as="h3" id="setup-formulas" weight="semibold" size={400} className={styles.heading}>3. Formulas for the computed columns</Text>
                {found.alreadySetUp ? (
                  <FormulasInPlace value={found.formulas} />
                ) : (
                  <FormulaChoice labelledBy="setup-formulas" value={formulas} onChange={setFormulas} disabled={running} />
                )}
              </section>

              <section className={styles.section} aria-labelledby="setup-tables">
                <Text as="h3" id="setup-tables" weight="semibold" size={400} className={styles.heading}>4. Other tables</Text>
                <Body1>Each goes on a sheet of its own. Settings (thresholds and the as-of date) is always added.</Body1>
                <div className={styles.tables} role="group" aria-labelledby="setup-tables">
                  {OPTIONAL_TABLES.map((t) => {
                    const exists = found.tables.includes(t.name);
                    const off = !exists && linkedByIdOff(t.name);
                    return (
                      <Checkbox
                        key={t.name}
                        className={styles.checkbox}
                        checked={exists || (create.has(t.name) && !off)}
                        disabled={exists || off || running}
                        onChange={(_, data) =>
                          setCreate((now) => {
                            const next = new Set(now);
                            if (data.checked === true) next.add(t.name);
                            else next.delete(t.name);
                            return next;
                          })
                        }
                        label={
                          <>
                            <Text weight="semibold">{t.name}</Text>
                            {exists ? " — already in the workbook" : off ? " — needs a Contract ID column to link its rows to contracts" : ` — ${t.what}`}
                          </>
                        }
                      />
                    );
                  })}
                </div>
              </section>

              <section className={styles.sticky} aria-label="Set up">
                {run.status === "failed" && (
                  <ErrorBar title="Set-up stopped" error={run.error} todo="Fix what the message says, then press the button again: a second run only adds what is still missing." />
                )}
                {run.status === "running" && run.from === "wizard" && <SetUpProgressBar run={run} locale={locale} />}
                {!hasId && <NoContractId id="setup-no-id" firstRow={found.headerRow + 1} checked={noIds} onChange={setNoIds} disabled={running} />}
                <div className={styles.row}>
                  <Button
                    appearance="primary"
                    onClick={() => void setUp()}
                    disabled={running || mapped === 0}
                    // Focusable while waiting for a Contract ID, so a keyboard user reaches it and hears why.
                    disabledFocusable={!running && mapped > 0 && !hasId && !noIds}
                    aria-describedby={hasId ? undefined : "setup-no-id"}
                  >
                    {found.alreadySetUp ? "Set up again" : "Set up the tracker"}
                  </Button>
                </div>
              </section>
            </>
          )}
          {!found && run.status === "failed" && <ErrorBar title="Set-up stopped" error={run.error} todo="Fix what the message says, then try again." />}
        </>
      )}
    </section>
  );
}
