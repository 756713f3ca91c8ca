import * as path from "path";
import { readContractType } from "../../src/core/contractType";
import { detectMapping, mapHeaders } from "../../src/core/mapping";
import { readCsv } from "../helpers/csv";

const REAL = path.resolve(__dirname, "../../../shared/data/real");

describe("reading a contract's type", () => {
  test.each([
    ["Goods", ["goods"]], ["Supplies", ["goods"]], ["Products", ["goods"]], ["Service", ["services"]], ["Professional Services", ["services"]],
    ["Works", ["works"]], ["works", ["works"]], ["Construction Services", ["works"]], ["Goods and Services", ["goods", "services"]],
    ["45453100", ["works"]], ["34921100", ["goods"]], ["48000000-8", ["goods"]], ["85000000", ["services"]], [90500000, ["services"]],
    ["Contract", []], ["Panel Contract\n(GS3337362)", []], ["Offer to Purchase", []], ["", []],
  ] as const)("%j → %j", (value, types) => {
    expect(readContractType(value).types).toEqual(types);
  });
});

describe("finding the Contract type column", () => {
  test("by its header, the values bearing it out", () => {
    const rows = [["Ref", "Supplier", "Contract type"], ...["Goods", "Services", "Works", "Services", "Goods", "Works"].map((t, i) => [`C-${i}`, `Supplier ${i}`, t])];
    expect(mapHeaders(rows[0], undefined, { rows: rows.slice(1) }).fields.contractType?.column).toBe("Contract type");
  });

  test("by its values alone, under a header that does not name it", () => {
    const rows = [["Ref", "Supplier", "Kind"], ...["Supplies", "Services", "Works", "Services", "Supplies", "Works"].map((t, i) => [`C-${i}`, `Supplier ${i}`, t])];
    const match = mapHeaders(rows[0], undefined, { rows: rows.slice(1) }).fields.contractType;
    expect(match?.column).toBe("Kind");
    expect(match?.why).toContain("goods, services or works in 100% of values");
  });

  test("not a contract_type column of agreement kinds (ACT: Contract, Panel Contract)", () => {
    const rows = readCsv(`${REAL}/act-gov-contracts/act_contracts_2025.csv`);
    expect(detectMapping(rows)?.fields.contractType).toBeUndefined();
  });

  test("Toronto's High Level Category and Lancashire's CPV codes, read by their values", () => {
    const toronto = detectMapping(readCsv(`${REAL}/toronto-contracts/Awarded Contracts.csv`));
    expect(toronto?.fields.contractType?.column).toBe("High Level Category");
    const lancashire = detectMapping(readCsv(`${REAL}/lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv`));
    expect(lancashire?.fields.contractType?.column).toBe("cpv_codes");
    // Every CPV code there reads as one type: construction (45) as works.
    const rows = readCsv(`${REAL}/lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv`);
    const at = rows[0].indexOf("cpv_codes");
    const read = rows.slice(1).filter((r) => r[at] !== "").map((r) => readContractType(r[at]).types);
    expect(read.filter((t) => t.length === 1).length / read.length).toBeGreaterThan(0.99);
    expect(read.filter((t) => t[0] === "works").length).toBeGreaterThan(100);
  });
});
