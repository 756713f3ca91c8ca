const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { productionManifest } = require("./scripts/manifest");

const PUBLIC_URL = process.env.ADDIN_PUBLIC_URL || "https://contract-tracker.example.org/";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

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
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // One page is the shared runtime: it hosts the cell functions, the ribbon's handlers and the pane.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
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
