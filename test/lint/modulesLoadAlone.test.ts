// Every module of the pure layers and the command line loads by itself, whichever of its imports
// comes first: two modules that import each other work only in one load order (the command line's
// options module crashed at start when it was loaded before convert), and a reordered import
// would break the product for every user.
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");
const FOLDERS = ["core", "core/rules", "core/layouts", "workbook", "features", "cli"];
const modules = FOLDERS.flatMap((folder) =>
  fs.existsSync(path.join(SRC, folder))
    ? fs.readdirSync(path.join(SRC, folder)).filter((f) => f.endsWith(".ts")).map((f) => `${folder}/${f.replace(/\.ts$/, "")}`)
    : [],
);

test("the layers hold modules to load", () => {
  expect(modules.length).toBeGreaterThan(50);
});

test.each(modules)("src/%s loads on its own", (module) => {
  jest.isolateModules(() => {
    expect(() => require(path.join(SRC, module))).not.toThrow();
  });
});
