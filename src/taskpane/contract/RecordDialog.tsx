import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, Spinner, Textarea, makeStyles, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { FieldErrors } from "../../features/formInput";
import { ErrorBar } from "../ErrorBar";
import { usePane } from "../paneContext";
import type { FormField, RecordForm } from "./recordForms";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const initialValues = (form: RecordForm): Record<string, string> => Object.fromEntries(form.fields.map((f) => [f.key, f.initial ?? ""]));
const fieldId = (form: RecordForm, field: FormField): string => `record-${form.kind}-${field.key}`;

// Fields stay enabled while saving: disabling the focused control would drop focus out of the dialog.
function Control({ form, field, value, onChange }: { form: RecordForm; field: FormField; value: string; onChange: (value: string) => void }): React.JSX.Element {
  const id = fieldId(form, field);
  if (field.kind === "choice") {
    return (
      <Select id={id} value={value} onChange={(_, d) => onChange(d.value)}>
        {(field.required || !field.initial) && <option value="">Choose…</option>}
        {(field.choices ?? []).map((c) => (
          <option key={c.value} value={c.value}>{c.text}</option>
        ))}
      </Select>
    );
  }
  if (field.kind === "multiline") return <Textarea id={id} value={value} onChange={(_, d) => onChange(d.value)} resize="vertical" />;
  return <Input id={id} value={value} onChange={(_, d) => onChange(d.value)} autoComplete="off" placeholder={field.placeholder} />;
}

export interface RecordDialogProps {
  form: RecordForm;
  open: boolean;
  onClose: () => void;
  /** Called with what was done once the row is in the table. */
  onSaved: (done: string) => void;
}

/**
 * One of the card's forms in a dialog: every field labelled, each problem under its field as
 * features/forms.ts words it (focus moves to the first), the row appended on Save.
 */
export function RecordDialog({ form, open, onClose, onSaved }: RecordDialogProps): React.JSX.Element {
  const styles = useStyles();
  const { workbook } = usePane();
  const [values, setValues] = React.useState<Record<string, string>>(() => initialValues(form));
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [failure, setFailure] = React.useState<unknown>(null);
  const [saving, setSaving] = React.useState(false);
  const live = React.useRef(true);
  React.useEffect(() => {
    live.current = true;
    return () => void (live.current = false);
  }, []);

  // Each opening starts from a blank form, with the cursor in its first field.
  React.useEffect(() => {
    if (!open) return;
    setValues(initialValues(form));
    setErrors({});
    setFailure(null);
    const first = form.fields[0];
    const frame = requestAnimationFrame(() => {
      if (first) document.getElementById(fieldId(form, first))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [open, form]);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(null);
    try {
      const result = await form.save(workbook.port, values);
      if (!live.current) return;
      if (result.ok) {
        setErrors({});
        onSaved(result.done);
        return;
      }
      setErrors(result.errors);
      const first = form.fields.find((f) => result.errors[f.key]);
      if (first) document.getElementById(fieldId(form, first))?.focus();
      // A problem with no field of this form (the contract itself) is said above the fields.
      const other = Object.entries(result.errors).filter(([key]) => !form.fields.some((f) => f.key === key));
      if (other.length > 0) setFailure(other.map(([, message]) => message).join("; "));
    } catch (error) {
      if (live.current) setFailure(error);
    } finally {
      if (live.current) setSaving(false);
    }
  };

  const anyErrors = Object.keys(errors).length > 0;
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && !saving && onClose()}>
      <DialogSurface aria-describedby={`record-${form.kind}-intro`}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{form.title}</DialogTitle>
            <DialogContent className={styles.form}>
              <p id={`record-${form.kind}-intro`} className={styles.intro}>{form.intro}</p>
              {failure !== null && (
                <ErrorBar
                  title={anyErrors ? "Nothing was added" : `Could not ${form.title.toLowerCase()}`}
                  error={failure}
                  todo={anyErrors ? "Close the form, choose the contract again, and retry." : "Fix what the message says, then press Save again; nothing was added."}
                />
              )}
              {form.fields.map((field) => {
                const warning = errors[field.key] ? null : (field.warn?.(values) ?? null);
                return (
                <Field
                  key={field.key}
                  label={{ children: field.label, htmlFor: fieldId(form, field) }}
                  required={field.required}
                  hint={field.hint}
                  validationState={errors[field.key] ? "error" : warning ? "warning" : "none"}
                  validationMessage={errors[field.key] ?? warning ?? undefined}
                >
                  <Control form={form} field={field} value={values[field.key] ?? ""} onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))} />
                </Field>
                );
              })}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {saving ? "Saving…" : "Save"}
              </Button>
              <Button onClick={onClose} disabledFocusable={saving}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
