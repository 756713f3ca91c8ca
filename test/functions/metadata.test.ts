import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

// functions.json is what Excel reads for autocomplete and argument help; it is generated from the
// JSDoc of functions.ts by the same generator the webpack plugin runs.
interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

const PRODUCT_FUNCTIONS = [
  "DAYSTOEXPIRY", "NOTICEDATE", "DAYSTONOTICE", "FINALEXPIRY", "DECIDEBY", "SLIPPAGE", "SLIPPAGEPCT",
  "PHASE", "RAG", "RAGREASON", "WORSTRAG", "ESCALATIONLEVEL",
];
const CAMEL_NAMES = [
  "daysToExpiry", "noticeDate", "daysToNotice", "finalExpiry", "decideBy", "slippage", "slippagePct",
  "phase", "rag", "ragReason", "worstRag", "escalationLevel",
];

let metadata: FunctionMetadata[];
let associations: { id: string; functionName: string }[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"), false);
  expect(generated.errors).toEqual([]);
  metadata = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  associations = generated.associate;
});

test("functions.json lists the eleven functions of PRODUCT.md, and only them", () => {
  expect(metadata.map((f) => f.id).sort()).toEqual([...PRODUCT_FUNCTIONS].sort());
  expect(metadata.every((f) => f.name === f.id)).toBe(true);
});

test("each id is bound to the camelCase export of functions.ts of the same name", () => {
  expect(Object.keys(functions).sort()).toEqual([...CAMEL_NAMES].sort());
  for (const { id, functionName } of associations) {
    expect(functionName.toUpperCase()).toBe(id);
    expect(typeof (functions as Record<string, unknown>)[functionName]).toBe("function");
  }
  expect(associations.map((a) => a.id).sort()).toEqual([...PRODUCT_FUNCTIONS].sort());
});

test("every function and every parameter has help text for Excel's autocomplete", () => {
  for (const f of metadata) {
    expect({ id: f.id, description: (f.description ?? "").length > 20 }).toEqual({ id: f.id, description: true });
    for (const p of f.parameters) {
      expect({ fn: f.id, param: p.name, described: (p.description ?? "").length > 10 }).toEqual({ fn: f.id, param: p.name, described: true });
    }
  }
});

test("parameters take ranges and results spill; optional ones are marked; WORSTRAG repeats", () => {
  for (const f of metadata) {
    expect({ id: f.id, result: f.result.dimensionality }).toEqual({ id: f.id, result: "matrix" });
    for (const p of f.parameters) expect({ fn: f.id, param: p.name, dim: p.dimensionality }).toEqual({ fn: f.id, param: p.name, dim: "matrix" });
  }
  const optional = (id: string): string[] => (metadata.find((f) => f.id === id)?.parameters ?? []).filter((p) => p.optional).map((p) => p.name);
  expect(optional("DAYSTOEXPIRY")).toEqual(["as_of"]);
  expect(optional("SLIPPAGE")).toEqual(["actual_date", "as_of"]);
  // end_date comes last, so formulas written before it keep their meaning.
  expect(optional("RAG")).toEqual(["slippage_days", "kpi_attainment", "spend_variance", "thresholds", "end_date", "days_to_decide", "days_to_notice"]);
  expect(optional("RAGREASON")).toEqual(["slippage_days", "kpi_attainment", "spend_variance", "thresholds", "end_date", "days_to_decide", "days_to_notice"]);
  expect(optional("DECIDEBY")).toEqual(["notice_period", "tier", "thresholds"]);
  expect(metadata.find((f) => f.id === "WORSTRAG")?.parameters[0].repeating).toBe(true);
  // At least one range, as Excel's own MAX asks: Excel then passes one array of the ranges given.
  expect(optional("WORSTRAG")).toEqual([]);
});

test("the help Excel shows says a stand-in end date counts as blank, and what Unrated means", () => {
  const help = (id: string): string => {
    const f = metadata.find((m) => m.id === id);
    return [f?.description ?? "", ...(f?.parameters ?? []).map((p) => p.description ?? "")].join(" ");
  };
  for (const id of ["DAYSTOEXPIRY", "NOTICEDATE", "DAYSTONOTICE", "FINALEXPIRY", "DECIDEBY", "PHASE"]) expect({ id, says: /stand-in/.test(help(id)) && /31\/12\/2099/.test(help(id)) }).toEqual({ id, says: true });
  for (const id of ["RAG", "RAGREASON", "WORSTRAG", "ESCALATIONLEVEL"]) expect({ id, says: help(id).includes("Unrated") }).toEqual({ id, says: true });
  expect(help("ESCALATIONLEVEL")).toMatch(/0 none \(Green, or Unrated/);
});
