#!/usr/bin/env node
// Checks Adaptive Cards with the official Adaptive Cards JavaScript library (npm "adaptivecards"):
// each card is parsed (parse warnings/errors are collected) and then validateProperties() is run.
// Input (stdin): JSON {"cards":[{"name":"...","card":{...}}]}.
// Output (stdout): JSON {"results":[{"name","bytes","parseEvents":[...],"validationEvents":[...]}]}.
// Exit code 0 always when the input was readable; the caller decides what counts as a failure.
"use strict";
const AC = require("adaptivecards/dist/adaptivecards.js");

function check(name, card) {
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const parseEvents = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    parseEvents.push({ phase: e.phase, event: e.event, message: e.message });
  }
  const validation = parsed.validateProperties();
  const validationEvents = validation.validationEvents.map((e) => ({ phase: e.phase, event: e.event, message: e.message }));
  return { name, bytes: Buffer.byteLength(JSON.stringify(card), "utf8"), parseEvents, validationEvents };
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { cards } = JSON.parse(input);
  const results = cards.map((c) => check(c.name, c.card));
  process.stdout.write(JSON.stringify({ results }));
});
