#!/usr/bin/env node
// The add-in manifest: the production copy with development URLs replaced, and our own structural
// checks beyond the XML schema (resource ids resolve, lengths, https, one runtime URL, namespace).
//   node scripts/manifest.js check manifest.xml
//   node scripts/manifest.js production manifest.xml https://addins.example.gov.uk/contracts/ > out.xml
const fs = require("fs");

const DEV_URL = "https://localhost:3000/";
const LOCALHOST = /https?:\/\/localhost(?::\d+)?\//g;

/** The manifest with every development (localhost) URL pointing at `publicUrl` instead. */
function productionManifest(xml, publicUrl) {
  if (!/^https:\/\/[^/\s]+\/(?:[^\s"<>]*\/)?$/.test(publicUrl)) {
    throw new Error(`The public URL must be https and end with "/" (got "${publicUrl}")`);
  }
  const origin = publicUrl.replace(/\/$/, "");
  return xml
    .replace(/<AppDomain>https?:\/\/localhost(?::\d+)?<\/AppDomain>/g, `<AppDomain>${new URL(publicUrl).origin}</AppDomain>`)
    .replace(LOCALHOST, `${origin}/`);
}

/** A minimal element tree of well-formed XML (no DTDs, CDATA or comments with markup in manifests). */
function parseXml(xml) {
  const root = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m;
  while ((m = tag.exec(xml))) {
    if (m[5] !== undefined) {
      stack[stack.length - 1].text += m[5];
      continue;
    }
    if (!m[2]) continue;
    if (m[1] === "/") {
      const open = stack.pop();
      if (!open || open.name !== m[2]) throw new Error(`Unbalanced </${m[2]}>`);
      continue;
    }
    const attrs = {};
    for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
    const element = { name: m[2], attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(element);
    if (m[4] !== "/") stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`Unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

function* walk(element, parents = []) {
  yield { element, parents };
  for (const child of element.children) yield* walk(child, [...parents, element]);
}

const local = (name) => name.replace(/^.*:/, "");

/** Problems the schema cannot see; an empty list when the manifest is sound. */
function checkManifest(xml) {
  const problems = [];
  let root;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`The manifest is not well-formed XML: ${error.message}`];
  }
  const all = [...walk(root)];
  const resources = new Map();
  for (const { element, parents } of all) {
    const parent = parents[parents.length - 1];
    if (local(element.name) === "Image" && parent && local(parent.name) === "Images") resources.set(element.attrs.id, { kind: "Image", value: element.attrs.DefaultValue });
    if (local(element.name) === "Url" && parent && local(parent.name) === "Urls") resources.set(element.attrs.id, { kind: "Url", value: element.attrs.DefaultValue });
    if (local(element.name) === "String" && parent && local(parent.name) === "ShortStrings") resources.set(element.attrs.id, { kind: "ShortString", value: element.attrs.DefaultValue });
    if (local(element.name) === "String" && parent && local(parent.name) === "LongStrings") resources.set(element.attrs.id, { kind: "LongString", value: element.attrs.DefaultValue });
  }
  const expectedKind = (name) => {
    if (name === "Image") return ["Image"];
    if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(name)) return ["Url"];
    if (["Label", "Title", "Namespace"].includes(name)) return ["ShortString"];
    if (name === "Description") return ["LongString"];
    return ["Image", "Url", "ShortString", "LongString"];
  };
  for (const { element } of all) {
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    const resource = resources.get(resid);
    const name = local(element.name);
    if (!resource) problems.push(`<${name} resid="${resid}"> refers to no resource`);
    else if (!expectedKind(name).includes(resource.kind)) problems.push(`<${name} resid="${resid}"> refers to a ${resource.kind}, expected ${expectedKind(name).join(" or ")}`);
    if (resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
  }
  for (const [id, resource] of resources) {
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    if (resource.kind === "ShortString" && (resource.value ?? "").length > 125) problems.push(`short string "${id}" is longer than 125 characters`);
    if (resource.kind === "LongString" && (resource.value ?? "").length > 250) problems.push(`long string "${id}" is longer than 250 characters`);
    if ((resource.kind === "Url" || resource.kind === "Image") && !/^https:\/\//.test(resource.value ?? "")) problems.push(`${resource.kind} "${id}" is not https: ${resource.value}`);
    if ((resource.value ?? "") === "") problems.push(`resource "${id}" has no DefaultValue`);
  }
  const controlIds = new Set();
  for (const { element } of all) {
    const name = local(element.name);
    if (["CustomTab", "Group", "Control", "Item"].includes(name) && element.attrs.id !== undefined) {
      if (element.attrs.id.length > 125) problems.push(`${name} id "${element.attrs.id}" is longer than 125 characters`);
      if (controlIds.has(element.attrs.id)) problems.push(`${name} id "${element.attrs.id}" is used twice`);
      controlIds.add(element.attrs.id);
    }
    if (["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(name) && element.attrs.DefaultValue !== undefined && !/^https:\/\//.test(element.attrs.DefaultValue)) {
      problems.push(`<${name}> is not https: ${element.attrs.DefaultValue}`);
    }
    if (name === "AppDomain" && !/^https:\/\//.test(element.text.trim())) problems.push(`AppDomain is not https: ${element.text.trim()}`);
    if (name === "Action") {
      const type = element.attrs["xsi:type"];
      if (type !== "ShowTaskpane" && type !== "ExecuteFunction") problems.push(`Action type "${type}" is neither ShowTaskpane nor ExecuteFunction`);
      if (type === "ExecuteFunction" && !element.children.some((c) => local(c.name) === "FunctionName" && c.text.trim() !== "")) problems.push("an ExecuteFunction action has no FunctionName");
      if (type === "ShowTaskpane" && !element.children.some((c) => local(c.name) === "SourceLocation")) problems.push("a ShowTaskpane action has no SourceLocation");
    }
  }
  // One shared runtime: the Runtime, the custom functions page, the FunctionFile and every task pane use one URL.
  const urlOf = (resid) => resources.get(resid)?.value;
  const runtimeUrls = [];
  for (const { element, parents } of all) {
    const name = local(element.name);
    const parentName = parents.length ? local(parents[parents.length - 1].name) : "";
    const grandName = parents.length > 1 ? local(parents[parents.length - 2].name) : "";
    if (name === "Runtime") runtimeUrls.push(["Runtime", urlOf(element.attrs.resid)]);
    if (name === "FunctionFile") runtimeUrls.push(["FunctionFile", urlOf(element.attrs.resid)]);
    if (name === "SourceLocation" && parentName === "Page") runtimeUrls.push(["custom functions Page", urlOf(element.attrs.resid)]);
    if (name === "SourceLocation" && parentName === "Action" && grandName === "Control") runtimeUrls.push(["ShowTaskpane", urlOf(element.attrs.resid)]);
  }
  if (!runtimeUrls.some(([what]) => what === "Runtime")) problems.push("there is no <Runtime> (shared runtime)");
  const distinct = new Set(runtimeUrls.map(([, url]) => url));
  if (distinct.size > 1) problems.push(`the shared runtime must use one URL, found: ${runtimeUrls.map(([what, url]) => `${what} → ${url}`).join("; ")}`);
  const namespace = all.find(({ element }) => local(element.name) === "Namespace");
  if (!namespace) problems.push("there is no custom functions Namespace");
  else if (urlOf(namespace.element.attrs.resid) !== "CONTRACT") problems.push(`the custom functions namespace is "${urlOf(namespace.element.attrs.resid)}", not CONTRACT`);
  const requirements = all.filter(({ element }) => local(element.name) === "Set").map(({ element }) => element.attrs.Name);
  for (const set of ["SharedRuntime", "CustomFunctionsRuntime"]) if (!requirements.includes(set)) problems.push(`the ${set} requirement set is not declared`);
  return problems;
}

module.exports = { DEV_URL, productionManifest, checkManifest, parseXml };

if (require.main === module) {
  const [command, file, url] = process.argv.slice(2);
  if (command === "check" && file) {
    const problems = checkManifest(fs.readFileSync(file, "utf8"));
    if (problems.length) {
      console.error(`${file}:\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`${file}: resources resolve, ids and strings within limits, https only, one runtime URL, namespace CONTRACT.`);
  } else if (command === "production" && file && url) {
    process.stdout.write(productionManifest(fs.readFileSync(file, "utf8"), url));
  } else {
    console.error("usage: node scripts/manifest.js check FILE | production FILE PUBLIC_URL");
    process.exit(2);
  }
}
