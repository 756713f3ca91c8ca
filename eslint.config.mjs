// Lint: TypeScript rules, the Office add-in rules, and the one-way imports of ARCHITECTURE.md:
// core ← workbook ← features ← {office, functions, commands, taskpane, cli}.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const LAYERS = ["core", "workbook", "features", "office", "functions", "commands", "taskpane", "cli"];
const NODE_MODULES = ["fs", "fs/*", "path", "os", "child_process", "node:*"];

/** For each folder, the folders of ours it must not import. */
export const FORBIDDEN = {
  core: ["workbook", "features", "office", "functions", "commands", "taskpane", "cli"],
  workbook: ["features", "office", "functions", "commands", "taskpane", "cli"],
  features: ["office", "functions", "commands", "taskpane", "cli"],
  office: ["functions", "commands", "taskpane", "cli"],
  functions: ["office", "commands", "taskpane", "cli"],
  commands: ["functions", "taskpane", "cli"],
  taskpane: ["functions", "commands", "cli"],
  cli: ["office", "functions", "commands", "taskpane"],
};

const layerRules = LAYERS.map((layer) => {
  const pure = ["core", "workbook", "features"].includes(layer);
  const groups = FORBIDDEN[layer].map((other) => ({
    group: [`**/${other}`, `**/${other}/**`, `src/${other}/**`],
    message: `src/${layer} must not import src/${other}: imports flow core ← workbook ← features ← faces (ARCHITECTURE.md).`,
  }));
  if (pure) {
    groups.push({ group: ["react", "react-dom", "react/*", "@fluentui/*", "exceljs"], message: `src/${layer} is pure: no UI or file libraries.` });
    groups.push({ group: NODE_MODULES, message: `src/${layer} is pure: no Node modules.` });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`, `test/lint/fixtures/src/${layer}/**/*.ts`],
    rules: {
      "no-restricted-imports": ["error", { patterns: groups }],
      ...(pure || layer === "cli"
        ? {
            "no-restricted-globals": [
              "error",
              { name: "Excel", message: "Only src/office talks to Excel." },
              { name: "Office", message: "Only src/office talks to Office." },
              { name: "CustomFunctions", message: "Only src/functions uses the custom functions runtime." },
            ],
          }
        : {}),
    },
  };
});

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-artifacts/**", "test/lint/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { globals: { ...globals.browser, Excel: "readonly", Office: "readonly", CustomFunctions: "readonly", OfficeExtension: "readonly" } },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...layerRules,
);
