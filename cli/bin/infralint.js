#!/usr/bin/env node
'use strict';
require('../out/src/main.js').main();
