const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { productionManifest } = require("./scripts/manifest");

const PUBLIC_URL = process.env.ADDIN_PUBLIC_URL || "https://contract-tracker.example.org/";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * Sets `allowErrorForDataTypeAny` in the functions.json the metadata plugin generates (its JSDoc has no
 * tag for it). Without it Excel never calls a function whose argument holds an error value: one #N/A
 * in a column makes the whole spill #N/A instead of that one row, and RAG never sees the end date that
 * explains a #VALUE! days to expiry ("TBC" → Unrated). With it, errors in cells arrive as
 * CustomFunctions.Error objects and each function passes them on row by row.
 */
class AllowErrorInputsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("AllowErrorInputsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AllowErrorInputsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        const json = JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 4);
        compilation.updateAsset("functions.json", new sources.RawSource(json));
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      // The ribbon's handlers and the pane are one entry, so one webpack runtime: every module they hold
      // in common (the notices the ribbon posts and the pane lists) exists once. Two entries would each
      // get their own copy; `dependOn` shares one but breaks under the dev server's injected client.
      taskpane: ["./src/commands/commands.ts", "./src/taskpane/index.tsx"],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } } },
      ],
    },
    performance: { hints: false },
    // Terser's reduce_funcs turns a function called from one place into a function expression
    // rebuilt at that place on every call; inside the cell functions' per-cell loops that made
    // CONTRACT.RAG over 100,000 date serials 2.1× a plain loop (npm run bench, collector set aside).
    // Terser's README: "Disabling this option sometimes improves performance of the output code."
    optimization: {
      minimizeOptions: { javascript: { compress: { passes: 2, reduce_funcs: false } } },
      // The pane's code arrives in chunks (src/taskpane/index.tsx, tabs.tsx): its shell first, each view
      // when first opened. Webpack's own splitting puts a library where the chunks that use it share
      // it; two groups are named because every pane needs all of each at its first paint and they
      // change only when a library is upgraded, so a browser keeps them across our releases.
      splitChunks: {
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: "react", chunks: "async", priority: 20 },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new AllowErrorInputsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // One page is the shared runtime: it hosts the cell functions, the ribbon's handlers and the pane.
        // The template's own loader writes office.js and functions.js where an Office host is there (not
        // in the preview); this injects the pane's entry after them.
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Keyboard shortcuts (manifest ExtendedOverrides): Ctrl+Alt+Shift+E runs the escalation summary.
          { from: "src/commands/shortcuts.json", to: "shortcuts.json" },
          // office.js as Microsoft ships it: the pane loads it locally so the preview works offline.
          {
            from: "node_modules/@microsoft/office-js/dist/{office,o15apptofilemappingtable}.js",
            to: "[name][ext]",
            info: { minimized: true },
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString(), PUBLIC_URL)),
          },
        ],
      }),
    ],
    devServer: {
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: PORT,
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
  if (dev && process.argv.some((arg) => arg === "serve")) {
    const { httpsOptions } = require("./scripts/devCerts");
    config.devServer.server = { type: "https", options: await httpsOptions() };
  }
  return config;
};
