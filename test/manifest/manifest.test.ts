import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The manifest passes Microsoft's schema (offline, xmllint) and our own structural checks; each
// check is shown able to fail on a broken copy.
const { checkManifest, productionManifest } = require("../../scripts/manifest.js") as {
  checkManifest: (xml: string) => string[];
  productionManifest: (xml: string, url: string) => string;
};
const MANIFEST = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
const VALIDATE = path.resolve(__dirname, "../../../shared/tools/validate-manifest");

function schemaCheck(xml: string): { status: number | null; output: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  const run = spawnSync(VALIDATE, [file], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test("manifest.xml passes the offline schema check", () => {
  const { status, output } = schemaCheck(MANIFEST);
  expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining("validates") });
});

test("manifest.xml passes our structural checks", () => {
  expect(checkManifest(MANIFEST)).toEqual([]);
});

test("it declares a shared runtime, the CONTRACT functions and the Contracts tab with Open tracker", () => {
  expect(MANIFEST).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  expect(MANIFEST).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  expect(MANIFEST).toMatch(/<CustomTab id="ContractsTab">/);
  expect(MANIFEST).toMatch(/<bt:String id="ContractsTab.Label" DefaultValue="Contracts"\/>/);
  expect(MANIFEST).toMatch(/<bt:String id="OpenTracker.Label" DefaultValue="Open tracker"\/>/);
  for (const size of [16, 32, 64, 80]) expect(fs.existsSync(path.resolve(__dirname, `../../assets/icon-${size}.png`))).toBe(true);
});

test("icons are PNGs of the size their name says", () => {
  for (const size of [16, 32, 64, 80, 128]) {
    const png = fs.readFileSync(path.resolve(__dirname, `../../assets/icon-${size}.png`));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});

describe("each structural check fails on a broken manifest", () => {
  test.each([
    ["a resid that resolves to nothing", (x: string) => x.replace('<Label resid="OpenTracker.Label"/>', '<Label resid="OpenTracker.Missing"/>'), "refers to no resource"],
    ["a resid of the wrong kind", (x: string) => x.replace('<Label resid="OpenTracker.Label"/>', '<Label resid="Taskpane.Url"/>'), "refers to a Url, expected ShortString"],
    ["an id of 33 characters", (x: string) => x.replaceAll("TrackerGroup.Label", "TrackerGroup.Label.Xxxxxxxxxxxxxx"), "longer than 32 characters"],
    ["a short string of 126 characters", (x: string) => x.replace('DefaultValue="Tracker"', `DefaultValue="${"x".repeat(126)}"`), "longer than 125 characters"],
    ["a long string of 251 characters", (x: string) => x.replace(/(id="OpenTracker.Tooltip" DefaultValue=")[^"]*/, `$1${"y".repeat(251)}`), "longer than 250 characters"],
    ["an http URL", (x: string) => x.replace('"https://localhost:3000/functions.json"', '"http://localhost:3000/functions.json"'), "is not https"],
    ["a second runtime URL", (x: string) => x.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), "one URL"],
    ["another namespace", (x: string) => x.replace('DefaultValue="CONTRACT"', 'DefaultValue="CONTRACTS"'), 'namespace is "CONTRACTS"'],
    ["a control id used twice", (x: string) => x.replace('<Group id="TrackerGroup">', '<Group id="OpenTrackerButton">'), "used twice"],
    ["no shared runtime requirement", (x: string) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), "SharedRuntime requirement"],
    ["an ExecuteFunction button with no function", (x: string) => x.replace(/<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, '<Action xsi:type="ExecuteFunction"></Action>'), "no FunctionName"],
    ["XML that is not well-formed", (x: string) => x.replace("</Hosts>", ""), "not well-formed"],
  ])("%s", (_name, mutate, message) => {
    const broken = mutate(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    expect(checkManifest(broken).join("\n")).toContain(message);
  });
});

describe("the production manifest", () => {
  const production = productionManifest(MANIFEST, "https://addins.example.gov.uk/contracts/");
  test("has no development URL left and still passes every check", () => {
    expect(production).not.toMatch(/localhost/);
    expect(production).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://addins.example.gov.uk/contracts/taskpane.html"/>');
    expect(production).toContain("<AppDomain>https://addins.example.gov.uk</AppDomain>");
    expect(checkManifest(production)).toEqual([]);
    expect(schemaCheck(production).status).toBe(0);
  });
  test.each(["http://addins.example.gov.uk/", "https://addins.example.gov.uk", "not a url"])("refuses %s", (url) => {
    expect(() => productionManifest(MANIFEST, url)).toThrow('must be https and end with "/"');
  });
});

describe("the ribbon and the keyboard shortcut", () => {
  // The ids the ribbon's code associates (src/commands/ribbon.ts), read from the source so this
  // test needs no Office runtime.
  const ribbonSource = fs.readFileSync(path.resolve(__dirname, "../../src/commands/ribbon.ts"), "utf8");
  const associated = [...ribbonSource.matchAll(/^\s+id: "([a-zA-Z]+)",\n\s+control: "([A-Za-z]+)"/gm)].map((m) => ({ id: m[1], control: m[2] }));
  const functionNames = [...MANIFEST.matchAll(/<Control xsi:type="Button" id="([A-Za-z]+)">[\s\S]*?<\/Control>/g)].flatMap((m) => {
    const fn = /<FunctionName>([^<]+)<\/FunctionName>/.exec(m[0]);
    return fn ? [{ id: fn[1], control: m[1] }] : [];
  });
  const shortcuts = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../src/commands/shortcuts.json"), "utf8")) as {
    actions: { id: string; type: string }[];
    shortcuts: { action: string; key: { default: string } }[];
  };

  test("every button of PRODUCT.md is on the Contracts tab, each with its own function", () => {
    const labels = [...MANIFEST.matchAll(/<bt:String id="([A-Za-z]+)\.Label" DefaultValue="([^"]+)"\/>/g)].map((m) => m[2]);
    expect(labels).toEqual(expect.arrayContaining(["Open tracker", "Set up tracker", "Refresh", "Escalation summary", "Escalate selected", "Expiring soon", "Record change", "Act duties", "Calendar"]));
    expect(functionNames.map((f) => f.id)).toEqual(["setUpTracker", "refresh", "escalationSummary", "escalateSelected", "expiringSoon", "recordChange", "procurementActDuties", "addDatesToCalendar"]);
    expect(new Set(functionNames.map((f) => f.id)).size).toBe(functionNames.length);
  });

  test("the code associates exactly the manifest's functions, on the same controls", () => {
    expect([...associated].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...functionNames].sort((a, b) => a.id.localeCompare(b.id)));
  });

  test("Ctrl+Alt+Shift+E runs the escalation summary through ExtendedOverrides", () => {
    expect(MANIFEST).toContain('<ExtendedOverrides Url="https://localhost:3000/shortcuts.json"/>');
    expect(shortcuts.actions).toEqual([{ id: "escalationSummary", type: "ExecuteFunction", name: "Escalation summary" }]);
    expect(shortcuts.shortcuts[0]).toMatchObject({ action: "escalationSummary", key: { default: "Ctrl+Alt+Shift+E" } });
    expect(productionManifest(MANIFEST, "https://addins.example.gov.uk/contracts/")).toContain('<ExtendedOverrides Url="https://addins.example.gov.uk/contracts/shortcuts.json"/>');
  });
});
