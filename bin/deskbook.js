#!/usr/bin/env node
// The installed command (npx deskbook, npm link, npm install -g, any symlink): it starts the CLI
// itself, whatever path it is called by, and says so in one line when the CLI is not built yet.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('deskbook 尚未构建：请先运行 npm run build:cli / not built yet: run npm run build:cli\n');
  process.exitCode = 3;
} else {
  require(main).main();
}
