import { mapHeaders } from "../../src/core/mapping";
import { MappingError, applyCorrections, fieldNamed } from "../../src/core/mappingCorrections";

const headers = ["Ref", "Title", "Supplier", "End date"];
const detected = { headerRow: 0, ...mapHeaders(headers) };

test("a field is named by its key or its header, in any case", () => {
  expect(fieldNamed("contractId")).toBe("contractId");
  expect(fieldNamed("Contract ID")).toBe("contractId");
  expect(fieldNamed("end_date")).toBe("endDate");
  expect(() => fieldNamed("expiry")).toThrow(/"expiry" is not a field of Contracts: use one of contractId, title/);
});

test("the user's column wins, and the field that had it is listed as moved, not silently dropped", () => {
  const corrected = applyCorrections(detected, headers, { title: "Ref" });
  expect(corrected.fields.title).toEqual({ column: "Ref", index: 0, confidence: 1, why: "your choice" });
  expect(corrected.fields.contractId).toBeUndefined();
  expect(corrected.moved).toEqual([{ field: "contractId", column: "Ref", to: "title" }]);
  expect(corrected.unmapped).toEqual(["Title"]);
});

test("null says the register has no such column", () => {
  const corrected = applyCorrections(detected, headers, { supplier: null });
  expect(corrected.fields.supplier).toBeUndefined();
  expect(corrected.unmapped).toEqual(["Supplier"]);
});

test("a column that is not there is a one-line error naming the columns, unless a saved mapping is being reapplied", () => {
  expect(() => applyCorrections(detected, headers, { endDate: "Expiry" })).toThrow(new MappingError('There is no column "Expiry" to map to endDate: the columns are "Ref", "Title", "Supplier", "End date"'));
  expect(applyCorrections(detected, headers, { endDate: "Expiry", nonsense: "Ref" }, { missing: "skip" }).fields.endDate?.column).toBe("End date");
});

test("one column given to two fields is refused", () => {
  expect(() => applyCorrections(detected, headers, { title: "Supplier", supplier: "Supplier" })).toThrow(/given to both title and supplier/);
});

test("headers are matched across line breaks and case", () => {
  const wrapped = ["Ref", "Contract\nEnd Date"];
  expect(applyCorrections({ headerRow: 0, ...mapHeaders(wrapped) }, wrapped, { endDate: "contract end date" }).fields.endDate?.index).toBe(1);
});
