#!/usr/bin/env node
// What a provincial integrator checks of a province's topics, with tools of their own and no code of this service:
// a plain Kafka consumer (kafkajs) reads every message from the start, an independent JSON Schema validator (ajv,
// draft 2020-12) checks each against the published schema beside this file, every ce_id names one message (a
// redelivery is that same message again, and is counted), the key is the ce_subject, and one member's messages come
// in the order of the member's timeline (read over HTTP as an auditor).
//
//   npm install kafkajs ajv ajv-formats
//   node docs/integration/integrator-check.mjs --brokers localhost:9092 --api http://localhost:8080 \
//        --user auditor:auditor-local-only [--topics partyledger.member-events.v1,partyledger.organisation-events.v1]
//        [--schemas docs/integration] (the schemas' folder, when the script is copied beside its node_modules)
//
// Exits 0 when every check holds, 1 with each failure named otherwise.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, word, i, all) =>
    word.startsWith('--') ? [...pairs, [word.slice(2), all[i + 1]]] : pairs, []));
const brokers = (args.brokers ?? 'localhost:9092').split(',');
const topics = (args.topics ?? 'partyledger.member-events.v1,partyledger.organisation-events.v1').split(',');
const api = args.api ?? 'http://localhost:8080';
const memberTopic = topics.find(topic => topic.includes('member')) ?? topics[0];
const authorization = 'Basic ' + Buffer.from(args.user ?? 'auditor:auditor-local-only').toString('base64');
const here = args.schemas ?? dirname(fileURLToPath(import.meta.url));
const PREFIX = 'vn.partyledger.';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new Map();
function validatorFor(type) {
    if (!validators.has(type)) {
        const file = join(here, type.slice(PREFIX.length) + '.schema.json');
        validators.set(type, ajv.compile(JSON.parse(readFileSync(file, 'utf8'))));
    }
    return validators.get(type);
}

const failures = [];
const fail = (what) => failures.push(what);

/** Every message of a topic from its start to its end as the broker reports it now, in partition order. */
async function readAll(kafka, topic) {
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    const remaining = new Map(ends.filter(p => Number(p.high) > Number(p.low))
        .map(p => [p.partition, Number(p.high)]));
    const messages = [];
    if (remaining.size === 0) {
        return messages;
    }
    const consumer = kafka.consumer({ groupId: `integrator-check-${process.pid}-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise((resolve, reject) => {
        consumer.run({
            eachMessage: async ({ partition, message }) => {
                const headers = Object.fromEntries(Object.entries(message.headers ?? {})
                    .map(([name, value]) => [name, value?.toString()]));
                messages.push({ topic, partition, offset: Number(message.offset), key: message.key?.toString(),
                    value: message.value?.toString(), headers });
                if (Number(message.offset) + 1 >= remaining.get(partition)) {
                    remaining.delete(partition);
                    if (remaining.size === 0) {
                        resolve();
                    }
                }
            },
        }).catch(reject);
    });
    await consumer.disconnect();
    return messages;
}

async function timelineIds(memberId) {
    const ids = [];
    for (let page = 0; ; page++) {
        const response = await fetch(`${api}/api/v1/members/${encodeURIComponent(memberId)}/timeline?page=${page}&size=1000`,
            { headers: { Authorization: authorization } });
        if (!response.ok) {
            fail(`timeline of ${memberId}: HTTP ${response.status}`);
            return ids;
        }
        const timeline = await response.json();
        timeline.entries.forEach(entry => ids.push(entry.eventId));
        if (timeline.entries.length < 1000) {
            return ids;
        }
    }
}

const kafka = new Kafka({ clientId: 'integrator-check', brokers, logLevel: logLevel.ERROR });
const all = [];
for (const topic of topics) {
    all.push(...await readAll(kafka, topic));
}

const seen = new Map();
const byType = new Map();
let redelivered = 0;
for (const message of all) {
    const where = `${message.topic}-${message.partition}@${message.offset}`;
    const { ce_id: id, ce_type: type, ce_source: source, ce_subject: subject, ce_specversion: version,
        ce_time: time } = message.headers;
    if (!id || !type || !source || !subject || version !== '1.0' || !time) {
        fail(`${where}: a CloudEvents header is missing (${JSON.stringify(message.headers)})`);
        continue;
    }
    if (seen.has(id)) {
        // at least once: a redelivery (a retry, or the administrator's republish) is the same message again, which a
        // consumer drops by its ce_id; the same ce_id with anything else is a fault
        const first = seen.get(id);
        if (first.type !== type || first.value !== message.value || first.key !== message.key) {
            fail(`${where}: ce_id ${id} again with other content (first at ${first.where})`);
        }
        redelivered++;
        message.redelivery = true;
        continue;
    }
    seen.set(id, { where, type, value: message.value, key: message.key });
    if (subject !== message.key) {
        fail(`${where}: key ${message.key} is not ce_subject ${subject}`);
    }
    let value;
    try {
        value = JSON.parse(message.value);
    } catch (notJson) {
        fail(`${where}: not JSON`);
        continue;
    }
    let validate;
    try {
        validate = validatorFor(type);
    } catch (noSchema) {
        fail(`${where}: no published schema for ${type}`);
        continue;
    }
    if (!validate(value)) {
        fail(`${where}: ${type} invalid: ${ajv.errorsText(validate.errors)}`);
    }
    byType.set(type, (byType.get(type) ?? 0) + 1);
}

// one member's messages are on one partition; their ce_ids, in offset order, follow the member's timeline wherever
// both hold them (a message of a transfer case's own event is published but is not on the member's stream)
const perMember = new Map();
for (const message of all.filter(m => m.topic === memberTopic && m.headers.ce_id && !m.redelivery)) {
    if (!perMember.has(message.key)) {
        perMember.set(message.key, []);
    }
    perMember.get(message.key).push(message);
}
let membersOrdered = 0;
for (const [memberId, messages] of perMember) {
    if (new Set(messages.map(m => m.partition)).size > 1) {
        fail(`member ${memberId}: messages on more than one partition`);
    }
    const timeline = await timelineIds(memberId);
    const onTimeline = new Set(timeline);
    const published = messages.sort((a, b) => a.offset - b.offset).map(m => m.headers.ce_id)
        .filter(id => onTimeline.has(id));
    const publishedSet = new Set(published);
    const expected = timeline.filter(id => publishedSet.has(id));
    if (JSON.stringify(published) !== JSON.stringify(expected)) {
        fail(`member ${memberId}: messages in order ${published.join(',')}, timeline ${expected.join(',')}`);
    } else {
        membersOrdered++;
    }
}

console.log(`read ${all.length} messages from ${topics.join(', ')}`);
for (const [type, count] of [...byType].sort()) {
    console.log(`  ${count}\t${type}`);
}
console.log(`${seen.size} distinct ce_ids, ${redelivered} identical redeliveries; `
    + `${membersOrdered} of ${perMember.size} members in timeline order`);
if (failures.length > 0) {
    failures.forEach(failure => console.log('FAIL ' + failure));
    process.exit(1);
}
console.log('every check holds');
