import {
  Switch, Body1, Button, Caption1, Dropdown, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Option, Spinner, Text, Title3, makeStyles, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { DateOrder } from "../../core/dates";
import { FieldErrors, exampleDate } from "../../features/formInput";
import { SettingField, readSettingsForm, saveSettings } from "../../features/settingsEditor";
import type { WorkbookPort } from "../../workbook/port";
import { ErrorBar } from "../ErrorBar";
import { plural } from "../format";
import { usePane } from "../paneContext";
import { NoTracker } from "../tracker/NoTracker";
import { useTrackerRead } from "../tracker/useTrackerRead";
import { SETTING_GROUPS } from "./settingGroups";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  head: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  name: { fontFamily: tokens.fontFamilyMonospace },
  footer: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, position: "sticky", bottom: 0, zIndex: 1,
    padding: `${tokens.spacingVerticalS} 0`, backgroundColor: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  status: { ":empty": { display: "none" } },
});

/** The Settings table as the form shows it; `table` false when the workbook has none. */
interface SettingsRead {
  fields: SettingField[];
  table: boolean;
}

async function readSettingsTable(port: WorkbookPort): Promise<SettingsRead> {
  const tables = await port.readTables(["Settings"]);
  return { fields: readSettingsForm(tables), table: tables.has("Settings") };
}

const labelOf = (f: SettingField): string => f.label;
const inputId = (name: string): string => `setting-${name}`;

const ORDERS: readonly { value: DateOrder; text: string }[] = [
  { value: "dmy", text: "dmy — day first (31/03/2026)" },
  { value: "mdy", text: "mdy — month first (03/31/2026)" },
];

type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved"; changed: string[] } | { status: "invalid"; errors: FieldErrors } | { status: "failed"; error: unknown };

function hintOf(f: SettingField, order: DateOrder): string {
  const extra =
    f.kind === "date" ? ` Leave it blank for today, or enter a date such as ${exampleDate(order)}.` : f.kind === "fixedDate" ? ` A date such as ${exampleDate(order)}.` : f.unit === "percent" ? " A percentage, such as 95%." : f.unit === "days" ? " In whole days." : "";
  return `${f.meaning.replace(/\.$/, "")}.${extra} Settings table: ${f.name}.`;
}

/**
 * Every setting of the Settings table with what it means: thresholds, the ladder's names, the exit
 * window, the date order and the as-of date. Save checks them as the table is read and writes
 * those changed; it says which, or what to fix under each field.
 */
export function SettingsView({ active }: { active: boolean }): React.JSX.Element {
  const styles = useStyles();
  const { workbook, locale, navigate, trackerChanged } = usePane();
  const { state, reading, reload } = useTrackerRead(active, readSettingsTable);
  const read = state.status === "ready" ? state.value : null;
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [save, setSave] = React.useState<SaveState>({ status: "idle" });
  const live = React.useRef(true);
  React.useEffect(() => {
    live.current = true;
    return () => void (live.current = false);
  }, []);

  // The form shows what was read; after a save, what the table now holds.
  React.useEffect(() => {
    if (read) setValues(Object.fromEntries(read.fields.map((f) => [f.name, f.value])));
  }, [read]);

  const fields = read?.fields ?? [];
  const changed = fields.filter((f) => (values[f.name] ?? f.value) !== f.value);
  const errors = save.status === "invalid" ? save.errors : {};
  const order: DateOrder = values.date_order === "mdy" ? "mdy" : "dmy";
  const saving = save.status === "saving";

  const set = (name: string, value: string): void => {
    setValues((v) => ({ ...v, [name]: value }));
    if (save.status === "saved") setSave({ status: "idle" });
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setSave({ status: "saving" });
    try {
      const result = await saveSettings(workbook.port, values);
      if (!live.current) return;
      if (!result.ok) {
        setSave({ status: "invalid", errors: result.errors });
        const first = fields.find((f) => result.errors[f.name]);
        if (first) document.getElementById(inputId(first.name))?.focus();
        return;
      }
      setSave({ status: "saved", changed: result.changed });
      if (result.changed.length > 0) trackerChanged();
    } catch (error) {
      if (live.current) setSave({ status: "failed", error });
    }
  };

  const named = (name: string): string => {
    const f = fields.find((x) => x.name === name);
    return f ? labelOf(f) : name;
  };

  const undo = (): void => {
    setValues(Object.fromEntries(fields.map((f) => [f.name, f.value])));
    setSave({ status: "idle" });
  };

  const control = (f: SettingField): React.ReactNode => {
    const id = inputId(f.name);
    if (f.kind === "onOff") {
      return <Switch id={id} checked={values[f.name] !== "off"} onChange={(_, d) => set(f.name, d.checked ? "on" : "off")} label={values[f.name] === "off" ? "Off" : "On"} />;
    }
    if (f.kind === "dateOrder") {
      const current = ORDERS.find((o) => o.value === values[f.name]) ?? ORDERS[0];
      return (
        <Dropdown id={id} value={current.text} selectedOptions={[current.value]} onOptionSelect={(_, d) => d.optionValue && set(f.name, d.optionValue)}>
          {ORDERS.map((o) => (
            <Option key={o.value} value={o.value}>{o.text}</Option>
          ))}
        </Dropdown>
      );
    }
    return (
      <Input
        id={id}
        value={values[f.name] ?? f.value}
        onChange={(_, d) => set(f.name, d.value)}
        inputMode={f.unit === "days" || f.unit === "months" ? "numeric" : f.kind === "number" ? "decimal" : undefined}
        placeholder={f.kind === "date" ? "Today" : undefined}
        contentAfter={f.unit === "percent" ? <span aria-hidden="true">%</span> : f.unit === "days" ? <span aria-hidden="true">days</span> : f.unit === "months" ? <span aria-hidden="true">months</span> : undefined}
        contentBefore={f.unit === "pounds" ? <span aria-hidden="true">£</span> : undefined}
        autoComplete="off"
      />
    );
  };

  const grouped = new Set(SETTING_GROUPS.flatMap((g) => g.names));
  const groups = [...SETTING_GROUPS, { id: "other", title: "Other settings", about: "", names: fields.filter((f) => !grouped.has(f.name)).map((f) => f.name) }].filter((g) => g.names.some((n) => fields.some((f) => f.name === n)));

  return (
    <section className={styles.page} aria-labelledby="settings-title" aria-busy={state.status === "loading" || reading}>
      <div className={styles.head}>
        <Title3 as="h2" id="settings-title" className={styles.heading}>Settings</Title3>
        <Caption1 className={styles.muted}>The tracker’s rules, kept in the workbook’s Settings table: the cell functions, the summary and the dashboard all follow them.</Caption1>
      </div>
      {state.status === "loading" && <Spinner size="small" label="Reading the Settings table…" />}
      {state.status === "no-tracker" && <NoTracker view="Settings view" table={state.table} />}
      {state.status === "failed" && (
        <ErrorBar title="Could not read the settings" error={state.error} todo="Fix what the message says, then press Read again." retry={{ label: "Read again", onClick: reload }} />
      )}
      {read && !read.table && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No Settings table</MessageBarTitle>
            The workbook has the tracker’s Contracts table but no Settings table, so the defaults below apply. Set up again to add it; nothing you typed changes.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => navigate("setup")}>Go to Set up</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {read && read.table && (
        <form onSubmit={(e) => void submit(e)} noValidate className={styles.page} aria-label="Settings">
          {groups.map((g) => (
            <fieldset key={g.id} className={styles.group}>
              <legend className={styles.legend}>
                <Text weight="semibold" size={400}>{g.title}</Text>
              </legend>
              {g.about && <Body1 className={styles.muted}>{g.about}</Body1>}
              {g.names.flatMap((name) => fields.filter((f) => f.name === name)).map((f) => (
                <Field
                  key={f.name}
                  label={{ children: labelOf(f), htmlFor: inputId(f.name) }}
                  hint={hintOf(f, order)}
                  validationState={errors[f.name] ? "error" : "none"}
                  validationMessage={errors[f.name]}
                >
                  {control(f)}
                </Field>
              ))}
            </fieldset>
          ))}

          {/* Kept in view at the pane's foot while the settings scroll: what Save did, and the buttons. */}
          <div className={styles.footer}>
            <div role="status" aria-live="polite" className={styles.status}>
              {save.status === "saved" && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{save.changed.length === 0 ? "Nothing to save" : "Settings saved"}</MessageBarTitle>
                    {save.changed.length === 0 ? "No setting differs from the Settings table." : `Changed in the Settings table: ${save.changed.map(named).join("; ")}. The views now follow them.`}
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
            {save.status === "invalid" && (
              <ErrorBar title="Nothing was saved" error={plural(Object.keys(save.errors).length, "setting needs", locale, "settings need") + " fixing"} todo="Fix what each marked field says, then press Save again." />
            )}
            {save.status === "failed" && <ErrorBar title="Could not save the settings" error={save.error} todo="Fix what the message says, then press Save again; nothing was changed." />}
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabledFocusable={saving}>{saving ? "Saving…" : "Save"}</Button>
              <Button onClick={undo} disabledFocusable={saving || changed.length === 0}>Undo changes</Button>
              <Caption1 className={styles.muted}>{changed.length === 0 ? "No change yet" : `${plural(changed.length, "setting", locale)} changed`}</Caption1>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}
