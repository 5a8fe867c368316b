#!/usr/bin/env node
// Validate SARIF files against the SARIF 2.1.0 JSON schema (draft-04) with
// ajv. Usage: node schema-check.js SCHEMA.json FILE.sarif...
// Prints every schema error as FILE: PATH: MESSAGE; exits 1 if any.
'use strict';
const fs = require('fs');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: schema-check.js SCHEMA.json FILE.sarif...');
  process.exit(2);
}
// unicodeRegExp: false, because the schema's pattern for "language" is not a
// valid regular expression in Unicode mode (a stray ']').
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let bad = 0;
for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validate(doc)) {
    bad++;
    for (const e of validate.errors)
      console.log(`${file}: ${e.instancePath || '/'}: ${e.message}`);
  }
}
process.exit(bad ? 1 : 0);
