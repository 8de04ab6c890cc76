#!/usr/bin/env node
// The verification procedure of docs/log-proofs.md, written independently of the Java code.
//   node docs/log-proof-check.js
//       checks every vector of docs/log-proof-vectors.json, and that tampered ones fail; exits non-zero otherwise.
//   node docs/log-proof-check.js --url http://localhost:8080 --user auditor:password [--event EVENT_ID]
//       fetches the latest checkpoint (and the signing key, when there is one) from a running application, checks
//       the signature, the inclusion proof of the event when one is named, and the consistency proof from the
//       oldest checkpoint of the newest hundred to the latest.
//   node docs/log-proof-check.js --export FILE [--key PUBLIC_KEY_BASE64]
//       verifies a history export (docs/log-proofs.md §8) end to end: every event's hash from its fields, the links
//       of its stream, its inclusion proof against the export's checkpoint, the checkpoint's signature (with the key
//       given, else the one the file names), and that the file is whole; names each line that fails and why.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const eventHashes = require('./event-hash-check.js');

const sha256 = (...parts) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();
const hex = (buffer) => buffer.toString('hex');
const bytes = (text) => Buffer.from(text, 'hex');
const leafHash = (leaf) => sha256(Buffer.from([0]), leaf);
const nodeHash = (left, right) => sha256(Buffer.from([1]), left, right);

// The largest power of two smaller than n (n > 1).
function split(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// MTH of RFC 9162 §2.1.1, straight from the definition, over leaf hashes.
function mth(hashes) {
  if (hashes.length === 0) return sha256(Buffer.alloc(0));
  if (hashes.length === 1) return hashes[0];
  const k = split(hashes.length);
  return nodeHash(mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}

// PATH and PROOF of RFC 9162 §2.1.3.1 and §2.1.4.1, from the definitions, to compare with the proofs given.
function auditPath(m, hashes) {
  if (hashes.length <= 1) return [];
  const k = split(hashes.length);
  return m < k ? [...auditPath(m, hashes.slice(0, k)), mth(hashes.slice(k))]
               : [...auditPath(m - k, hashes.slice(k)), mth(hashes.slice(0, k))];
}

function subproof(m, hashes, whole) {
  const n = hashes.length;
  if (m === n) return whole ? [] : [mth(hashes)];
  const k = split(n);
  return m <= k ? [...subproof(m, hashes.slice(0, k), whole), mth(hashes.slice(k))]
                : [...subproof(m - k, hashes.slice(k), false), mth(hashes.slice(0, k))];
}

// Verification, RFC 9162 §2.1.3.2 (docs/log-proofs.md §5.1).
function verifyInclusion(leafIndex, treeSize, leaf, proof, root) {
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize) - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

// Verification, RFC 9162 §2.1.4.2 (docs/log-proofs.md §5.2); equal sizes need an empty proof and equal roots.
function verifyConsistency(first, second, proof, firstRoot, secondRoot) {
  if (first <= 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (proof.length === 0) return false;
  const nodes = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = BigInt(first) - 1n;
  let sn = BigInt(second) - 1n;
  while ((fn & 1n) === 1n) { fn >>= 1n; sn >>= 1n; }
  let fr = nodes[0];
  let sr = nodes[0];
  for (const c of nodes.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return sn === 0n && fr.equals(firstRoot) && sr.equals(secondRoot);
}

// docs/log-proofs.md §4.1: what a checkpoint's signature covers.
function signedText(checkpoint) {
  const time = new Date(checkpoint.recordedAt).toISOString();
  return `["partyledger/checkpoint/v1",${checkpoint.treeSize},"${checkpoint.rootHash}",${checkpoint.lastPosition},"${time}"]`;
}

function verifySignature(checkpoint, publicKey) {
  const key = crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  return crypto.verify(null, Buffer.from(signedText(checkpoint), 'utf8'), key,
                       Buffer.from(checkpoint.signature || '', 'base64'));
}

let failures = 0;
function check(name, ok) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) failures++;
}

// A copy of the hash with its last byte changed.
function flipped(hash) {
  const copy = Buffer.from(hash);
  copy[copy.length - 1] ^= 1;
  return copy;
}

function checkVectors() {
  const v = require(path.join(__dirname, 'log-proof-vectors.json'));
  const reference = v.referenceTree.leaves.map((leaf) => leafHash(bytes(leaf)));
  v.referenceTree.roots.forEach((root, i) =>
    check(`reference tree of ${i + 1} leaves has root ${root.slice(0, 12)}…`, hex(mth(reference.slice(0, i + 1))) === root));

  const leaves = v.log.eventHashes.map((eventHash) => leafHash(bytes(eventHash)));
  leaves.forEach((leaf, i) => check(`leaf ${i} is SHA-256(0x00 || event hash)`, hex(leaf) === v.log.leafHashes[i]));
  v.log.roots.forEach((root, i) => check(`log of ${i + 1} events has root ${root.slice(0, 12)}…`,
                                         hex(mth(leaves.slice(0, i + 1))) === root));

  for (const p of v.inclusionProofs) {
    const root = bytes(v.log.roots[p.treeSize - 1]);
    const proof = p.auditPath.map(bytes);
    const name = `inclusion of leaf ${p.leafIndex} in ${p.treeSize}`;
    check(`${name}: the path is PATH of RFC 9162`,
          JSON.stringify(auditPath(p.leafIndex, leaves.slice(0, p.treeSize)).map(hex)) === JSON.stringify(p.auditPath));
    check(`${name} verifies`, verifyInclusion(p.leafIndex, p.treeSize, leaves[p.leafIndex], proof, root));
    check(`${name}: a tampered leaf fails`,
          !verifyInclusion(p.leafIndex, p.treeSize, flipped(leaves[p.leafIndex]), proof, root));
    check(`${name}: another root fails`, !verifyInclusion(p.leafIndex, p.treeSize, leaves[p.leafIndex], proof,
                                                          flipped(root)));
  }

  for (const p of v.consistencyProofs) {
    const first = bytes(v.log.roots[p.first - 1]);
    const second = bytes(v.log.roots[p.second - 1]);
    const proof = p.proof.map(bytes);
    const name = `consistency from ${p.first} to ${p.second}`;
    check(`${name}: the proof is PROOF of RFC 9162`,
          JSON.stringify(subproof(p.first, leaves.slice(0, p.second), true).map(hex)) === JSON.stringify(p.proof));
    check(`${name} verifies`, verifyConsistency(p.first, p.second, proof, first, second));
    check(`${name}: a rewritten earlier checkpoint fails`,
          !verifyConsistency(p.first, p.second, proof, flipped(first), second));
    check(`${name}: a rewritten later checkpoint fails`,
          !verifyConsistency(p.first, p.second, proof, first, flipped(second)));
  }

  const c = v.checkpoint;
  check('the checkpoint is of the seven-event log', c.rootHash === v.log.roots[c.treeSize - 1]);
  check('the signed text is as specified', signedText(c) === c.signedText);
  check('the checkpoint signature verifies', verifySignature(c, c.publicKey));
  check('a rewritten checkpoint fails its signature',
        !verifySignature({ ...c, rootHash: v.log.roots[c.treeSize - 2] }, c.publicKey));
}

async function checkApplication(url, user, eventId) {
  const headers = { Authorization: 'Basic ' + Buffer.from(user).toString('base64') };
  const get = async (route) => {
    const response = await fetch(url + route, { headers });
    if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const latest = await get('/api/v1/checkpoints/latest');
  console.log(`latest checkpoint: ${latest.treeSize} events, root ${latest.rootHash}`);
  const key = await fetch(url + '/api/v1/checkpoints/key', { headers });
  if (key.ok) {
    check('the latest checkpoint is signed by the published key', verifySignature(latest, (await key.json()).publicKey));
  } else {
    console.log('checkpoints are not signed');
  }
  if (eventId) {
    const p = await get(`/api/v1/proofs/inclusion?eventId=${encodeURIComponent(eventId)}&treeSize=${latest.treeSize}`);
    check(`event ${eventId} (position ${p.position}, index ${p.index}) is leaf ${p.leafIndex} of the checkpoint`,
          verifyInclusion(p.leafIndex, latest.treeSize, leafHash(bytes(p.eventHash)), p.auditPath.map(bytes),
                          bytes(latest.rootHash)));
  }
  const all = await get('/api/v1/checkpoints?limit=100');
  const oldest = all[all.length - 1];
  if (oldest.treeSize < latest.treeSize) {
    const p = await get(`/api/v1/proofs/consistency?first=${oldest.treeSize}&second=${latest.treeSize}`);
    check(`the checkpoint of ${latest.treeSize} events extends that of ${oldest.treeSize} unchanged`,
          verifyConsistency(oldest.treeSize, latest.treeSize, p.proof.map(bytes), bytes(oldest.rootHash),
                            bytes(latest.rootHash)));
  }
}

// The business date of an exported event (docs/log-proofs.md §8.2): its metadata's, else its recording day in Vietnam
// (UTC+7 all year).
function businessDate(event, metaData) {
  if (metaData && typeof metaData.businessDate === 'string') return metaData.businessDate;
  return new Date(Date.parse(event.timestamp) + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

// Integers of the export are parsed as literals (eventHashes.parse keeps them as written); as numbers here.
const int = (value) => (value instanceof eventHashes.Num ? Number(value.literal) : value);

// docs/log-proofs.md §8.3, step by step; every failure names its line, the event and what is wrong.
function checkExport(file, keptKey) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0);
  const where = (n, e) => `line ${n}: event ${e.eventIdentifier} (sequence ${int(e.sequenceNumber)}, position `
    + `${int(e.position)}, index ${int(e.index)})`;
  const failed = [];
  const fail = (text) => { failed.push(text); failures++; console.log(`FAIL ${text}`); };
  // JSON.parse first: it refuses what is not JSON (a line cut short); then the parse that keeps number literals
  const parsed = (text) => { JSON.parse(text); return eventHashes.parse(text); };
  let header;
  try {
    header = parsed(lines[0] || '');
  } catch (e) {
    header = null;
  }
  if (!header || header.type !== 'export' || header.format !== 'partyledger/export/v1') {
    fail('line 1: not the header of a partyledger/export/v1 export');
    return;
  }
  const scope = header.scope;
  const c = { ...header.checkpoint, treeSize: int(header.checkpoint.treeSize),
              lastPosition: int(header.checkpoint.lastPosition) };
  console.log(`export of ${scope.kind} ${scope.recordId}${scope.from ? `, business dates ${scope.from} to ${scope.to}`
    : ''}, against the checkpoint of ${c.treeSize} events (root ${c.rootHash})`);
  const key = keptKey || header.publicKey;
  if (c.signature) {
    check(`the checkpoint's signature verifies with ${keptKey ? 'the key given' : 'the key the file names (give '
      + 'the key you keep with --key)'}`, key ? verifySignature(c, key) : false);
  } else if (keptKey) {
    fail('line 1: the checkpoint is not signed, but a key was given');
  } else {
    console.log('note the checkpoint is not signed: compare its root with a checkpoint you keep');
  }
  const root = bytes(c.rootHash);
  let previous = null;
  let events = 0;
  let end = null;
  lines.slice(1).forEach((text, i) => {
    const n = i + 2;
    let line;
    try {
      line = parsed(text);
    } catch (e) {
      fail(`line ${n}: not JSON`);
      return;
    }
    if (end) {
      fail(`line ${n}: a line after the end line`);
      return;
    }
    if (line.type === 'end') {
      end = line;
      return;
    }
    if (line.type !== 'event') {
      fail(`line ${n}: neither an event nor the end line`);
      return;
    }
    events++;
    const e = { ...line, position: int(line.position), index: int(line.index),
                sequenceNumber: int(line.sequenceNumber), leafIndex: int(line.leafIndex) };
    const at = where(n, e);
    if (e.aggregateIdentifier !== scope.recordId) fail(`${at}: belongs to ${e.aggregateIdentifier}, not to the `
      + `exported record ${scope.recordId}`);
    const recomputed = eventHashes.eventHash(e, line.payload, line.metaData);
    if (recomputed !== e.hash) fail(`${at}: ALTERED: its fields give hash ${recomputed}, the line says ${e.hash}: `
      + 'its payload, metadata, another field or its hash was changed');
    if (previous === null && scope.kind === 'member' && (e.sequenceNumber !== 0 || e.previousHash !== null)) {
      fail(`${at}: the member's history does not start at the stream's first event`);
    }
    if (previous !== null) {
      if (e.sequenceNumber <= previous.sequenceNumber) {
        fail(`${at}: REORDERED or REPEATED: comes after event ${previous.sequenceNumber} of the stream`);
      } else if (e.sequenceNumber > previous.sequenceNumber + 1 && scope.kind === 'member') {
        fail(`${at}: DELETED: events ${previous.sequenceNumber + 1} to ${e.sequenceNumber - 1} of the stream are `
          + 'missing before it');
      } else if (e.sequenceNumber === previous.sequenceNumber + 1 && e.previousHash !== previous.hash) {
        fail(`${at}: LINK BROKEN: its previousHash ${e.previousHash} is not the hash ${previous.hash} of event `
          + `${previous.sequenceNumber}`);
      }
    }
    const date = businessDate(e, line.metaData);
    if (date !== e.businessDate) fail(`${at}: its business date is ${date}, the line says ${e.businessDate}`);
    if ((scope.from && date < scope.from) || (scope.to && date > scope.to)) {
      fail(`${at}: its business date ${date} is outside the exported range`);
    }
    if (e.position > c.lastPosition) fail(`${at}: stands after the checkpoint's last position ${c.lastPosition}`);
    if (!verifyInclusion(e.leafIndex, c.treeSize, leafHash(bytes(recomputed)), (line.auditPath || []).map(bytes),
                         root)) {
      fail(`${at}: NOT IN CHECKPOINT: its inclusion proof (leaf ${e.leafIndex}) does not lead from its hash to the `
        + `checkpoint's root`);
    }
    previous = { sequenceNumber: e.sequenceNumber, hash: recomputed };
  });
  if (!end) {
    fail(`line ${lines.length + 1}: the end line is missing: the file was cut short`);
  } else if (int(end.events) !== events) {
    fail(`the end line counts ${int(end.events)} events, the file holds ${events}`);
  } else if (int(end.notYetCovered) > 0) {
    console.log(`note ${int(end.notYetCovered)} later events were recorded after the checkpoint: export again once `
      + 'the next one is recorded');
  }
  if (failed.length === 0) {
    console.log(`ok   ${events} events: each hash recomputed from its fields, the stream's links, and each inclusion `
      + `proof against the checkpoint of ${c.treeSize} events`);
  }
}

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
(async () => {
  if (option('--export')) {
    checkExport(option('--export'), option('--key'));
  } else if (option('--url')) {
    await checkApplication(option('--url'), option('--user') || '', option('--event'));
  } else {
    checkVectors();
  }
  if (failures > 0) {
    console.log(`${failures} check(s) failed`);
    process.exit(1);
  }
  console.log('all checks passed');
})().catch((e) => { console.error(e.message); process.exit(2); });
