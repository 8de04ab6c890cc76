#!/usr/bin/env node
// Recomputes the test vectors of docs/event-hash.md from docs/event-hash-vectors.json, independently of the Java
// code: `node docs/event-hash-check.js` prints each hash and exits non-zero if one differs from the expected value.
// Other scripts require it for parse, canonical and eventHash (docs/log-proof-check.js, for exports).
'use strict';
const crypto = require('crypto');
const path = require('path');

// JSON.parse loses number literals (1.50 becomes 1.5), so a small parser keeps each one as a Num.
class Num {
  constructor(literal) { this.literal = literal; }
}

function parse(text) {
  let i = 0;
  const ws = () => { while (/\s/.test(text[i] || '')) i++; };
  function value() {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; const obj = {}; ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws(); const key = string(); ws(); i++; /* : */
        obj[key] = value(); ws();
        if (text[i++] === '}') return obj;
      }
    }
    if (c === '[') {
      i++; const arr = []; ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) { arr.push(value()); ws(); if (text[i++] === ']') return arr; }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) { i += 4; return true; }
    if (text.startsWith('false', i)) { i += 5; return false; }
    if (text.startsWith('null', i)) { i += 4; return null; }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    i += m[0].length;
    return new Num(m[0]);
  }
  function string() {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  }
  return value();
}

// A number literal as Java's BigDecimal.toPlainString() writes its exact value (scale kept: 1.50 stays 1.50).
function plain(literal) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  let digits = (m[2] + (m[3] || '')).replace(/^0+(?=\d)/, '');
  const scale = (m[3] || '').length - parseInt(m[4] || '0', 10);
  let out;
  if (scale <= 0) {
    out = digits === '0' ? '0' : digits + '0'.repeat(-scale);
  } else {
    digits = digits.padStart(scale + 1, '0');
    out = digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale);
  }
  const zero = /^[0.]*$/.test(out);
  return (m[1] && !zero ? '-' : '') + out;
}

function str(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function canonical(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return String(v); // positions, indexes, sequence numbers: integers
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v instanceof Num) return plain(v.literal);
  // object keys sorted by UTF-16 code units: JavaScript's default string order
  return '{' + Object.keys(v).sort().map(k => str(k) + ':' + canonical(v[k])).join(',') + '}';
}

const sha256 = text => crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

// docs/event-hash.md §3: the canonical text of an event from its fields, payload and metadata parsed with number
// literals kept, and its hash.
function eventText(e, payload, metaData) {
  return canonical(['partyledger/event/v1', e.position, e.index, e.eventIdentifier, e.aggregateType,
    e.aggregateIdentifier, e.sequenceNumber, e.timestamp, e.payloadType, e.payloadRevision, payload, metaData,
    e.previousHash]);
}

const eventHash = (e, payload, metaData) => sha256(eventText(e, payload, metaData));

module.exports = { Num, parse, canonical, eventHash };

function main() {
  const vectors = require(path.join(__dirname, 'event-hash-vectors.json'));
  let failed = false;
  const eventHashes = vectors.events.map(e => {
    const payload = parse(e.payloadJson);
    const metaData = parse(e.metaDataJson);
    const hash = eventHash(e, payload, metaData);
    const ok = !e.expectedHash || e.expectedHash === hash;
    failed = failed || !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} event  ${hash}  ${e.name}`);
    if (process.argv.includes('--canonical')) console.log(eventText(e, payload, metaData));
    return hash;
  });
  const c = vectors.commit;
  const commitText = canonical(['partyledger/commit/v1', c.position, c.commitId, c.request, c.committedAt,
    c.timeHighWater, eventHashes]);
  const commitHash = sha256(commitText);
  const ok = !c.expectedHash || c.expectedHash === commitHash;
  failed = failed || !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} commit ${commitHash}`);
  if (process.argv.includes('--canonical')) console.log(commitText);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) main();
