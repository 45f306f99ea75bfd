// Builds the task pane into dist/web (the CLI compiles to dist/ with tsc; the two never overlap).
//   npx webpack --mode production        build
//   npx webpack serve --mode development  dev server on port 3000 (https when dev certificates exist)
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OUT = path.resolve(__dirname, 'dist/web');
const PORT = 3000;

/**
 * Office loads add-ins over https only. office-addin-dev-certs makes and trusts a localhost
 * certificate (`npx office-addin-dev-certs install`); on Linux that needs sudo, so on a machine
 * without it we serve plain http (enough for standalone mode in a browser) and say so.
 */
async function devServerProtocol() {
  // where office-addin-dev-certs keeps what `install` made
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(dir, f));
  if (files.every((f) => fs.existsSync(f))) {
    try {
      const { getHttpsServerOptions } = require('office-addin-dev-certs');
      return { type: 'https', options: await getHttpsServerOptions() };
    } catch (err) {
      console.warn(`[deskbook] could not use the dev certificates in ${dir} (${err && err.message}); serving http.`);
      return 'http';
    }
  }
  console.warn(
    '[deskbook] no Office dev certificates (run `npx office-addin-dev-certs install`); serving http on ' +
      `http://localhost:${PORT}/taskpane.html. Excel needs https; a plain browser works with http.`,
  );
  return 'http';
}

module.exports = async (_env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: OUT,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      // The pane's modules are meant to need no Node built-ins; should a library's browser build
      // still mention one, leave it out rather than polyfill it.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // type-checking runs separately (`tsc --noEmit`); this keeps the build fast
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules let webpack split lazy chunks and drop unused Fluent UI parts
              compilerOptions: { module: 'es2020', noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }] }),
    ],
    // the first chunk (React, Fluent's core, the pane's frame and words) was 590 KiB with five tabs;
    // seven tabs and the strip's overflow (Fluent's Overflow; its menu loads on first use) make it
    // 614 KiB. A warning past 640 KiB says something large slipped into it.
    performance: { hints: dev ? false : 'warning', maxEntrypointSize: 640 * 1024, maxAssetSize: 640 * 1024 },
    devServer: {
      host: 'localhost',
      port: PORT,
      static: { directory: OUT },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? await devServerProtocol() : 'http',
    },
  };
};
