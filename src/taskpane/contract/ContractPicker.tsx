import { Combobox, Field, Option } from "@fluentui/react-components";
import * as React from "react";
import type { ContractRef } from "../../features/paneData";

/** More options than this would slow the list; typing narrows it. */
const OPTIONS_SHOWN = 50;

export const contractLabel = (c: Pick<ContractRef, "id" | "title">): string => (c.title ? `${c.id} — ${c.title}` : c.id);

/** A searchable list of the contracts (ID — title; supplier matches too): the way to a card without a sheet, as in the preview. */
export function ContractPicker({ contracts, chosen, onChoose, hint }: { contracts: readonly ContractRef[]; chosen: number | null; onChoose: (bodyIndex: number) => void; hint: string }): React.JSX.Element {
  const current = contracts.find((c) => c.bodyIndex === chosen) ?? null;
  const [text, setText] = React.useState(current ? contractLabel(current) : "");
  const [typed, setTyped] = React.useState(false);
  // The box shows the contract chosen, however it was chosen (the sheet's selection, the dashboard).
  React.useEffect(() => {
    setText(current ? contractLabel(current) : "");
    setTyped(false);
  }, [current]);

  const words = typed ? text.toLowerCase().split(/\s+/).filter(Boolean) : [];
  const matching = words.length === 0 ? contracts : contracts.filter((c) => words.every((w) => `${c.id} ${c.title} ${c.supplier}`.toLowerCase().includes(w)));
  const more = matching.length - OPTIONS_SHOWN;
  return (
    <Field label="Contract" hint={hint}>
      <Combobox
        value={text}
        selectedOptions={current ? [String(current.bodyIndex)] : []}
        onChange={(e) => {
          setText(e.target.value);
          setTyped(true);
        }}
        onOptionSelect={(_, d) => {
          if (!d.optionValue) return;
          onChoose(Number(d.optionValue));
          setText(d.optionText ?? "");
          setTyped(false);
        }}
        onBlur={() => {
          if (!typed) return;
          setText(current ? contractLabel(current) : "");
          setTyped(false);
        }}
        placeholder="Type an ID, title or supplier"
        clearable={false}
      >
        {matching.slice(0, OPTIONS_SHOWN).map((c) => (
          <Option key={c.bodyIndex} value={String(c.bodyIndex)} text={contractLabel(c)}>{contractLabel(c)}</Option>
        ))}
        {matching.length === 0 && (
          <Option key="none" value="" text="" disabled>{`No contract matches “${text}”`}</Option>
        )}
        {more > 0 && (
          <Option key="more" value="" text="" disabled>{`${more} more: keep typing to narrow the list`}</Option>
        )}
      </Combobox>
    </Field>
  );
}
