#!/usr/bin/env node
// Validates a Teams app manifest folder (manifest.json and the localisation files it names) against the official
// JSON schemas shipped in npm "@microsoft/app-manifest" (no network: the schema of the manifest's own version is read
// from the package). Usage: node check-manifest.js <folder>. Output (stdout): JSON {"errors":[...]}; exit 0 when the
// files could be read (the caller decides what counts as a failure), 2 otherwise.
"use strict";
const fs = require("fs");
const path = require("path");
const { ManifestUtil } = require("@microsoft/app-manifest");

const packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const schemas = path.join(packageDir, "build", "json-schemas", "teams");

// The localisation schema's property patterns are not valid Unicode-mode regular expressions, which the package's own
// validator compiles them as; the same validator (Ajv, JSON Schema draft-04) with non-Unicode patterns reads them.
function validateLocalization(file, schema) {
  const Ajv04 = require(require.resolve("ajv-draft-04", { paths: [packageDir] }));
  const addFormats = require(require.resolve("ajv-formats", { paths: [packageDir] }));
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  return validate(file) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message || ""}. Details: ${JSON.stringify(e.params || {})}`);
}
const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));

async function main(folder) {
  const manifest = readJson(path.join(folder, "manifest.json"));
  const version = "v" + manifest.manifestVersion;
  const errors = [];
  const schemaFile = path.join(schemas, version, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(schemaFile)) {
    errors.push(`no official schema for manifestVersion ${manifest.manifestVersion}`);
  } else {
    for (const e of await ManifestUtil.validateManifestAgainstSchema(manifest, readJson(schemaFile))) errors.push(`manifest.json: ${e}`);
  }

  const localization = readJson(path.join(schemas, version, "MicrosoftTeams.Localization.schema.json"));
  for (const language of (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || []) {
    const file = path.join(folder, language.file);
    if (!fs.existsSync(file)) {
      errors.push(`${language.file}: missing`);
      continue;
    }
    for (const e of validateLocalization(readJson(file), localization)) errors.push(`${language.file}: ${e}`);
  }
  for (const icon of [manifest.icons && manifest.icons.color, manifest.icons && manifest.icons.outline]) {
    if (icon && !fs.existsSync(path.join(folder, icon))) errors.push(`${icon}: missing`);
  }
  return errors;
}

main(process.argv[2])
  .then((errors) => process.stdout.write(JSON.stringify({ errors })))
  .catch((e) => {
    process.stderr.write(String(e && e.stack || e));
    process.exit(2);
  });
